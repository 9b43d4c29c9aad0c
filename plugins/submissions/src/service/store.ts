import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug } from 'payload'
import sharp from 'sharp'

import {
  FileRefused,
  MAX_INPUT_PIXELS,
  inspectFile,
  pictureWork,
  reencodeImage,
  safeFileName,
  type InspectedFile,
} from '../inspect'
import { SubmissionError, refuse } from '../lib/errors'
import { idOf } from '../lib/ids'
import { checkFile, kindFromMime, type AllowedFileKind, type FileKind } from '../rules'
import type { TrackRequirements } from '../rules'
import { mediaDirOf } from '../uploads/sweep'
import type { StoredFacts, SubmissionsContext } from './types'

type Requirements = TrackRequirements & { allowedFileKinds?: AllowedFileKind[] | null }

/** Image sizes being made, after the uploads that asked for them were answered. */
const sizesMaking = new Set<Promise<void>>()

/** Resolves once every image size started so far is written (tests, shutdown). */
export async function imageSizesSettled(): Promise<void> {
  while (sizesMaking.size > 0) {
    await Promise.all(sizesMaking)
  }
}

/** Inspects a file on disk, checks it against the track, stores it; 422 stores nothing. */
export async function inspectAndCheck(
  filePath: string,
  originalName: string,
  requirements: Requirements,
): Promise<InspectedFile> {
  let inspected: InspectedFile
  try {
    inspected = await inspectFile(filePath, {
      originalName,
      allowedKinds: requirements.allowedFileKinds ?? null,
    })
  } catch (err) {
    if (err instanceof FileRefused) {
      throw refuse(422, 'file', err.code, err.message, err.limit)
    }
    throw err
  }
  const problems = checkFile(requirements, inspected)
  if (problems.length > 0) {
    throw new SubmissionError(422, problems)
  }
  return inspected
}

function factsToStore(inspected: InspectedFile): StoredFacts {
  return {
    kind: inspected.kind,
    bytes: inspected.bytes,
    mimeType: inspected.mimeType,
    ...(inspected.format ? { format: inspected.format } : {}),
    ...(inspected.width ? { width: inspected.width, height: inspected.height } : {}),
    ...(inspected.durationSeconds !== undefined
      ? { durationSeconds: inspected.durationSeconds }
      : {}),
    ...(inspected.docx ? { docx: inspected.docx } : {}),
    ...(inspected.pdfPages !== undefined ? { pdfPages: inspected.pdfPages } : {}),
  }
}

function storedName(originalName: string, ext: string): string {
  const safe = safeFileName(originalName)
  const base = safe.replace(/\.[^.]*$/, '') || 'file'
  return `${base}.${ext === 'jpeg' ? 'jpg' : ext}`
}

export function staticDir(s: SubmissionsContext): string {
  return mediaDirOf(s.payload, s.options.media)
}

function fileUrl(s: SubmissionsContext, filename: string): string {
  return `/api/${s.options.media}/file/${encodeURIComponent(filename)}`
}

/**
 * Puts a file under a free name in `dir` (`name.mp4`, else `name-1.mp4`, …).
 * `put` must fail with EEXIST when the name is taken, so two uploads of
 * "IMG_0001.JPG" at once never overwrite each other.
 */
async function placeFile(
  dir: string,
  name: string,
  put: (dest: string) => Promise<void>,
): Promise<string> {
  await fs.promises.mkdir(dir, { recursive: true })
  const ext = path.extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? name : `${stem}-${i}${ext}`
    try {
      await put(path.join(dir, candidate))
      return candidate
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err
      }
    }
  }
  throw new Error(`no free file name for ${name}`)
}

export async function storeInspected(
  s: SubmissionsContext,
  user: unknown,
  filePath: string,
  originalName: string,
  requirements: Requirements,
  { caption }: { caption?: string | undefined } = {},
): Promise<Record<string, unknown>> {
  const inspected = await inspectAndCheck(filePath, originalName, requirements)
  if (inspected.kind === 'image') {
    return storeImage(s, user, filePath, originalName, inspected, caption)
  }
  const data = await fs.promises.readFile(filePath)
  const submissionFacts = factsToStore(inspected)
  return (await s.payload.create({
    collection: s.options.media,
    data: {
      ...(caption ? { caption } : {}),
      submissionUpload: true,
      onPublicDisplay: false,
      submissionFacts,
    } as never,
    file: {
      data,
      mimetype: inspected.mimeType,
      name: storedName(originalName, inspected.ext),
      size: data.length,
    },
    depth: 0,
    overrideAccess: false,
    user,
    // Media's guard takes the facts only from here, never from a request body; the bytes
    // were counted against the quota when the upload was reserved.
    context: { submissionFacts, submissionsQuotaChecked: true },
  })) as unknown as Record<string, unknown>
}

/**
 * A photo is stored as a fresh encoding (orientation applied, EXIF and GPS
 * gone: Payload would keep the original bytes when nothing resizes them).
 * Payload's own pipeline would then encode the original again and make the
 * three display sizes before answering — ~0.8 s of CPU per 3 MB photo, five
 * photos ≈ 4 s on two cores. So the file is written here, the document with
 * `payload.db.create` (the caller was checked as a participant, the owner is
 * set here, as Media's hook would), and the sizes follow in the background,
 * through the picture gate; the form shows the original until they exist.
 */
async function storeImage(
  s: SubmissionsContext,
  user: unknown,
  filePath: string,
  originalName: string,
  inspected: InspectedFile,
  caption: string | undefined,
): Promise<Record<string, unknown>> {
  const image = await reencodeImage(filePath, { mozjpeg: false, optimiseCoding: false })
  const ext = image.format === 'jpeg' ? 'jpg' : image.format
  const dir = staticDir(s)
  const filename = await placeFile(dir, storedName(originalName, ext), (dest) =>
    fs.promises.writeFile(dest, image.data, { flag: 'wx' }),
  )
  const now = new Date().toISOString()
  try {
    const doc = (await s.payload.db.create({
      collection: s.options.media,
      data: {
        filename,
        mimeType: `image/${image.format}`,
        filesize: image.data.length,
        width: image.width,
        height: image.height,
        owner: idOf(user),
        ...(caption ? { caption } : {}),
        submissionUpload: true,
        onPublicDisplay: false,
        submissionFacts: factsToStore(inspected),
        createdAt: now,
        updatedAt: now,
      },
    })) as Record<string, unknown>
    // Through the picture gate, so sizes share the cores with new uploads.
    const making = makeSizes(s, doc.id as number | string, filename)
      .catch((err: unknown) => {
        s.payload.logger.error({ err, media: doc.id }, '[submissions] image sizes not made')
      })
      .finally(() => sizesMaking.delete(making))
    sizesMaking.add(making)
    return { ...doc, url: fileUrl(s, filename) }
  } catch (err) {
    await fs.promises.rm(path.join(dir, filename), { force: true })
    throw err
  }
}

/**
 * The media collection's image sizes, made as Payload names and records
 * them, from the stored file (a photo waiting for the gate holds none of
 * its bytes). The photo is decoded once, at the widest size's width, and
 * every size is cut from those pixels: a decode per size was most of the
 * work for small sizes.
 */
export async function makeSizes(
  s: SubmissionsContext,
  id: number | string,
  filename: string,
): Promise<void> {
  const upload = s.payload.collections[s.options.media as CollectionSlug]?.config.upload
  const sizes = upload && typeof upload === 'object' ? (upload.imageSizes ?? []) : []
  if (sizes.length === 0) {
    return
  }
  const dir = staticDir(s)
  const base = filename.replace(/\.[^.]*$/, '')
  const widest = sizes.every((size) => size.width)
    ? Math.max(...sizes.map((size) => size.width!))
    : undefined
  const made = await pictureWork(async () => {
    const decoded = await sharp(path.join(dir, filename), {
      limitInputPixels: MAX_INPUT_PIXELS,
    })
      .resize({ width: widest, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const pixels = {
      raw: {
        width: decoded.info.width,
        height: decoded.info.height,
        channels: decoded.info.channels,
      },
    }
    const out: Record<string, Record<string, unknown>> = {}
    for (const size of sizes) {
      const { data, info } = await sharp(decoded.data, pixels)
        .resize({
          width: size.width ?? undefined,
          height: size.height ?? undefined,
          fit: size.width && size.height ? 'cover' : 'inside',
          position: typeof size.position === 'string' ? size.position : 'centre',
          withoutEnlargement: true,
        })
        .toFormat(size.formatOptions?.format ?? 'jpeg', size.formatOptions?.options ?? {})
        .toBuffer({ resolveWithObject: true })
      const ext = info.format === 'jpeg' ? 'jpg' : info.format
      const name = `${base}-${info.width}x${info.height}.${ext}`
      await fs.promises.writeFile(path.join(dir, name), data)
      out[size.name] = {
        filename: name,
        filesize: data.length,
        width: info.width,
        height: info.height,
        mimeType: `image/${info.format}`,
      }
    }
    return out
  })
  await s.payload.db.updateOne({
    collection: s.options.media,
    id,
    data: { sizes: made },
  })
}

/**
 * A finished resumable upload becomes a media document without passing
 * through memory: Payload's `create` with `filePath` reads the whole file
 * into a Buffer, so the file is renamed into the media folder (same disk)
 * and the document written with `payload.db.create`, which skips hooks —
 * owner, timestamps and facts are set here instead.
 */
export async function adoptFile(
  s: SubmissionsContext,
  user: unknown,
  filePath: string,
  originalName: string,
  requirements: Requirements,
): Promise<Record<string, unknown>> {
  // Only audio and video arrive here (resumable uploads); images go through storeInspected.
  const inspected = await inspectAndCheck(filePath, originalName, requirements)
  const dir = staticDir(s)
  // A hard link fails when the name is taken (rename would overwrite); same disk, no copy.
  const filename = await placeFile(dir, storedName(originalName, inspected.ext), async (dest) => {
    await fs.promises.link(filePath, dest)
    await fs.promises.rm(filePath, { force: true })
  })
  const now = new Date().toISOString()
  try {
    const doc = await s.payload.db.create({
      collection: s.options.media,
      data: {
        filename,
        mimeType: inspected.mimeType,
        filesize: inspected.bytes,
        owner: idOf(user),
        submissionUpload: true,
        onPublicDisplay: false,
        submissionFacts: factsToStore(inspected),
        createdAt: now,
        updatedAt: now,
      },
    })
    return { ...doc, url: fileUrl(s, filename) }
  } catch (err) {
    await fs.promises.rm(path.join(dir, filename), { force: true })
    throw err
  }
}

/** A stored file as the upload routes answer it. */
export function describe(s: SubmissionsContext, doc: Record<string, unknown>) {
  const facts = (doc.submissionFacts ?? {}) as Partial<StoredFacts>
  const sizes = (doc.sizes ?? {}) as Record<string, { url?: string | null } | undefined>
  return {
    id: doc.id,
    filename: doc.filename,
    kind: (facts.kind ?? kindFromMime(String(doc.mimeType ?? ''))) as FileKind | undefined,
    mimeType: doc.mimeType,
    bytes: facts.bytes ?? doc.filesize,
    storedBytes: doc.filesize,
    ...(facts.width ? { width: facts.width, height: facts.height } : {}),
    ...(facts.durationSeconds !== undefined ? { durationSeconds: facts.durationSeconds } : {}),
    ...(facts.docx
      ? { docx: { bodyChars: facts.docx.bodyChars, abstractChars: facts.docx.abstractChars } }
      : {}),
    url: doc.url ?? fileUrl(s, String(doc.filename)),
    ...(sizes.thumbnail?.url ? { thumbnailUrl: sizes.thumbnail.url } : {}),
  }
}
