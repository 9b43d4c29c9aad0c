import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

import type { UploadSession } from '../collections/uploadSessions'
import type { ResolvedSubmissionsOptions } from '../types'
import { uploadQuota } from './quota'
import { referencedMedia } from './references'

/** A plain upload whose request died with its process leaves its session; an hour is ample for 30 MB. */
export const PLAIN_SESSION_STALE_MS = 3600_000

/** Orphans looked at per query, so a sweep never holds every old upload in memory at once. */
const BATCH = 200

/** The media collection's folder, as Payload resolves it. */
export function mediaDirOf(payload: Payload, media: CollectionSlug): string {
  const upload = payload.collections[media]?.config.upload
  const dir = upload && typeof upload === 'object' ? upload.staticDir : undefined
  return path.resolve(dir ?? media)
}

/** The resumable uploads' folder: beside the media folder, so a finished file is renamed, not copied. */
export function resumableDirOf(payload: Payload, media: CollectionSlug): string {
  return path.join(path.dirname(mediaDirOf(payload, media)), 'tus-uploads')
}

/** Removes `name` inside `dir`, if it is a plain name there; a file already gone is no error. */
async function removeIn(dir: string, name: unknown): Promise<void> {
  if (typeof name !== 'string' || !name || path.basename(name) !== name) {
    return
  }
  await fs.promises.rm(path.join(dir, name), { force: true })
}

async function mtimeOf(file: string): Promise<number> {
  try {
    return (await fs.promises.stat(file)).mtimeMs
  } catch {
    return 0
  }
}

export interface SweepResult {
  orphans: number
  idleUploads: number
}

/**
 * Deletes participants' uploads (`submissionUpload`) older than the grace
 * period that no document refers to, with their files and image sizes. Two
 * processes may sweep at once: each deletion is idempotent (a document or
 * file already gone is no error), and a file is checked again just before it
 * goes, so one attached meanwhile stays.
 */
export async function sweepOrphanMedia(
  payload: Payload,
  options: ResolvedSubmissionsOptions,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - options.orphanGraceMs).toISOString()
  const dir = mediaDirOf(payload, options.media)
  // Ids first, then the work in batches: deleting while paging would shift the pages.
  const { docs: old } = await payload.find({
    collection: options.media,
    where: {
      and: [{ submissionUpload: { equals: true } }, { createdAt: { less_than: cutoff } }],
    },
    select: { createdAt: true },
    sort: 'createdAt',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  let removed = 0
  for (let i = 0; i < old.length; i += BATCH) {
    const ids = old.slice(i, i + BATCH).map((d) => d.id)
    const used = await referencedMedia(payload, options.media, ids)
    const unused = ids.filter((id) => !used.has(String(id)))
    if (unused.length === 0) {
      continue
    }
    const { docs } = await payload.find({
      collection: options.media,
      where: { id: { in: unused } },
      select: { filename: true, sizes: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    const orphans = docs as unknown as {
      id: number | string
      filename?: string
      sizes?: Record<string, { filename?: string | null } | null>
    }[]
    for (const doc of orphans) {
      if ((await referencedMedia(payload, options.media, [doc.id])).size > 0) {
        continue
      }
      await payload
        .delete({ collection: options.media, id: doc.id, depth: 0, overrideAccess: true })
        .catch(() => undefined) // gone already (the other sweep), or a file it could not unlink
      await removeIn(dir, doc.filename)
      for (const size of Object.values(doc.sizes ?? {})) {
        await removeIn(dir, size?.filename)
      }
      removed += 1
    }
  }
  return removed
}

/**
 * Deletes resumable uploads idle past the expiry (no byte for that long,
 * finished or not, never completed) with their files and sessions, the
 * sessions of plain uploads whose request died with its process, and upload
 * files that have no session at all.
 */
export async function sweepIdleUploads(
  payload: Payload,
  options: ResolvedSubmissionsOptions,
  now = new Date(),
): Promise<number> {
  const quota = uploadQuota(payload, options)
  const dir = resumableDirOf(payload, options.media)
  const cutoff = now.getTime() - options.resumableExpiryMs
  const { docs } = await payload.find({
    collection: options.uploadSessions,
    where: {
      and: [
        { kind: { equals: 'resumable' } },
        { activeAt: { less_than: new Date(cutoff).toISOString() } },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  let removed = 0
  for (const session of docs as unknown as UploadSession[]) {
    // One long request (a whole file in one PATCH) writes without new requests: the file's
    // own time says it is still arriving.
    const written = await mtimeOf(path.join(dir, session.uploadId))
    if (written > cutoff) {
      await quota.touch(session.uploadId, undefined, new Date(written))
      continue
    }
    await removeIn(dir, session.uploadId)
    await removeIn(dir, `${session.uploadId}.json`)
    await quota.release(session.uploadId)
    removed += 1
  }
  await quota.remove({
    and: [
      { kind: { equals: 'plain' } },
      { activeAt: { less_than: new Date(now.getTime() - PLAIN_SESSION_STALE_MS).toISOString() } },
    ],
  })
  return removed + (await sweepExpired(dir, options.resumableExpiryMs, now))
}

/**
 * Deletes every upload in the folder idle for longer than `expiryMs`
 * (measured from its last written byte, or its creation), and files left by
 * a completion that died midway.
 */
export async function sweepExpired(
  dir: string,
  expiryMs: number,
  now = new Date(),
): Promise<number> {
  let names: string[]
  try {
    names = await fs.promises.readdir(dir)
  } catch {
    return 0
  }
  const cutoff = now.getTime() - expiryMs
  let removed = 0
  for (const name of names) {
    if (name.endsWith('.adopting')) {
      if ((await mtimeOf(path.join(dir, name))) < cutoff) {
        await removeIn(dir, name)
      }
      continue
    }
    if (!name.endsWith('.json')) {
      continue
    }
    const id = name.slice(0, -'.json'.length)
    let created = 0
    try {
      const info = JSON.parse(await fs.promises.readFile(path.join(dir, name), 'utf8')) as {
        creation_date?: string
      }
      created = new Date(info.creation_date ?? 0).getTime() || 0
    } catch {
      // unreadable metadata: the file's own time decides
    }
    const idleSince = Math.max(created, await mtimeOf(path.join(dir, id)))
    if (idleSince <= cutoff) {
      await removeIn(dir, id)
      await removeIn(dir, name)
      removed += 1
    }
  }
  return removed
}

/** Both sweeps; what the jobs task runs. */
export async function sweepUploads(
  payload: Payload,
  options: ResolvedSubmissionsOptions,
  now = new Date(),
): Promise<SweepResult> {
  return {
    orphans: await sweepOrphanMedia(payload, options, now),
    idleUploads: await sweepIdleUploads(payload, options, now),
  }
}
