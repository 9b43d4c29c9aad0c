import { canonicalJson } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'
import { hashAttachments, pinnedContent, sha256Of, type Pin } from './pinEntry'

export interface PinProblem {
  kind: 'version' | 'content' | 'file'
  media?: string
  message: string
}

export type PinCheck =
  { pinned: false } | { pinned: true; ok: boolean; pin: Pin; problems: PinProblem[] }

/**
 * Checks a pin against what is stored now: the pinned version still hashes
 * to the pin (nobody rewrote it), the entry's content is still that version
 * (nobody edited it past the lock), and every stored file still has its
 * bytes. Each mismatch is named for the editor.
 */
export async function verifyPin(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  entry: Record<string, unknown> & { id: number | string },
): Promise<PinCheck> {
  const pin = entry[options.fields.pin] as Pin | null | undefined
  if (!pin?.versionId || !pin.sha256) {
    return { pinned: false }
  }
  const problems: PinProblem[] = []
  const version = (await req.payload.findVersionByID({
    collection: options.entries,
    id: pin.versionId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as unknown as { version: Record<string, unknown> } | null
  if (!version || sha256Of(canonicalJson(pinnedContent(version.version, options))) !== pin.sha256) {
    problems.push({ kind: 'version', message: '锁定的版本已被改动或删除' })
  }
  const current = pinnedContent(entry, options)
  if (sha256Of(canonicalJson(current)) !== pin.sha256) {
    problems.push({ kind: 'content', message: '作品内容在锁定后被修改' })
  }
  const now = new Map((await hashAttachments(req, options, current)).map((f) => [f.media, f]))
  for (const file of pin.files ?? []) {
    const stored = now.get(file.media)
    if (!stored || stored.missing) {
      problems.push({
        kind: 'file',
        media: file.media,
        message: `文件“${file.filename}”已不在存储中`,
      })
    } else if (stored.sha256 !== file.sha256) {
      problems.push({
        kind: 'file',
        media: file.media,
        message: `文件“${file.filename}”的内容与锁定时不同`,
      })
    }
  }
  return { pinned: true, ok: problems.length === 0, pin, problems }
}
