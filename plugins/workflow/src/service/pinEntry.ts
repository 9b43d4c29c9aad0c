import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { canonicalJson } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'
import { refId } from './lookups'

export interface PinnedFile {
  media: string
  filename: string
  sha256: string
  bytes: number
}

export interface Pin {
  versionId: string
  sha256: string
  at: string
  files: PinnedFile[]
}

type Doc = Record<string, unknown>

/** The entry's content as pinned: everything but what keeps changing after screening. */
export function pinnedContent(version: Doc, options: ResolvedWorkflowOptions): Doc {
  const out: Doc = {}
  for (const [key, value] of Object.entries(version)) {
    if (!options.pinExclude.includes(key) && !key.endsWith('_tz')) {
      out[key] = value
    }
  }
  return out
}

export const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

async function hashFile(file: string): Promise<{ sha256: string; bytes: number } | null> {
  try {
    const hash = createHash('sha256')
    let bytes = 0
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer)
      bytes += (chunk as Buffer).length
    }
    return { sha256: hash.digest('hex'), bytes }
  } catch {
    return null
  }
}

/** Where an upload's bytes are stored, as Payload resolves its static folder. */
export function storedPath(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  filename: string,
) {
  const upload = req.payload.collections[options.media]?.config.upload
  const dir = upload && typeof upload === 'object' ? upload.staticDir : undefined
  return path.join(path.resolve(dir ?? options.media), path.basename(filename))
}

/** The stored files an entry's content names, hashed now. */
export async function hashAttachments(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  content: Doc,
): Promise<(PinnedFile & { missing?: boolean })[]> {
  const rows = (content[options.fields.attachments] ?? []) as Doc[]
  const out: (PinnedFile & { missing?: boolean })[] = []
  for (const row of Array.isArray(rows) ? rows : []) {
    const id = refId(row?.[options.fields.attachmentFile])
    if (id === undefined || id === null) {
      continue
    }
    const media = (await req.payload.findByID({
      collection: options.media,
      id: id as number | string,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })) as Doc | null
    const filename = typeof media?.filename === 'string' ? media.filename : ''
    const hashed = filename ? await hashFile(storedPath(req, options, filename)) : null
    out.push({
      media: String(id),
      filename,
      sha256: hashed?.sha256 ?? '',
      bytes: hashed?.bytes ?? 0,
      ...(hashed ? {} : { missing: true }),
    })
  }
  return out
}

/**
 * Pins an entry as screening starts: its newest Payload version (the one
 * the status write just made), a SHA-256 of that version's canonical
 * content, and one of each stored file, inside the transition's transaction.
 */
export async function pinEntry(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  id: number | string,
  /** When screening started, if not now (demo data dating its archive). */
  at: string = new Date().toISOString(),
): Promise<Pin> {
  const { docs } = await req.payload.findVersions({
    collection: options.entries,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const version = docs[0] as unknown as { id: number | string; version: Doc } | undefined
  if (!version) {
    throw new Error(`entry ${String(id)} has no version to pin`)
  }
  const content = pinnedContent(version.version, options)
  const files = (await hashAttachments(req, options, content)).map(({ missing: _m, ...f }) => f)
  const pin: Pin = {
    versionId: String(version.id),
    sha256: sha256Of(canonicalJson(content)),
    at,
    files,
  }
  // Through the Local API (the adapter's updateOne replaces the whole row on SQLite). The version
  // this write adds has the pinned content too: the pin itself is left out of the hash.
  await req.payload.update({
    collection: options.entries,
    id,
    data: { [options.fields.pin]: pin } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return pin
}
