import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { refId, storedDoc, trackOf, type CampaignReview, type Doc, type Id } from './lookups'

export interface TaskAttachment {
  index: number
  kind: 'image' | 'pdf' | 'video' | 'audio' | 'document'
  mimeType: string
  caption: string
  url: string
}

export interface TaskEntry {
  number: string
  title: string
  track: string
  trackName: string
  abstract: string
  sections: { heading: string; body: string }[]
  attachments: TaskAttachment[]
  /** Only in an open campaign. */
  authors?: { name: string; title: string; affiliation: string }[]
  institution?: string
}

export const kindOf = (mimeType: string): TaskAttachment['kind'] =>
  mimeType.startsWith('image/')
    ? 'image'
    : mimeType === 'application/pdf'
      ? 'pdf'
      : mimeType.startsWith('video/')
        ? 'video'
        : mimeType.startsWith('audio/')
          ? 'audio'
          : 'document'

/**
 * The content reviewers read: the version pinned when screening started
 * (what was screened is what is scored), or the stored entry when there is
 * no pin (an entry an editor created by hand).
 */
export async function pinnedContent(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  entryId: Id,
): Promise<Doc | null> {
  const entry = await storedDoc(req, options.entries, entryId)
  if (!entry) {
    return null
  }
  const versionId = (entry[options.fields.pin] as { versionId?: string } | undefined)?.versionId
  if (versionId) {
    const version = await req.payload
      .findVersionByID({
        collection: options.entries,
        id: versionId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        context: { reviewInternalRead: true },
        req,
      })
      .catch(() => null)
    const content = (version as { version?: Doc } | null)?.version
    if (content) {
      return { ...content, id: entry.id }
    }
  }
  return entry
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** The upload behind each attachment row, for its type (never its name). */
export async function attachmentFiles(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  content: Doc,
): Promise<{ row: Doc; media: Doc | null }[]> {
  const { fields } = options
  const rows = (content[fields.attachments] ?? []) as Doc[]
  const out: { row: Doc; media: Doc | null }[] = []
  for (const row of Array.isArray(rows) ? rows : []) {
    const id = refId(row?.[fields.attachmentFile])
    out.push({ row, media: id === undefined ? null : await storedDoc(req, options.media, id) })
  }
  return out
}

/**
 * The entry as a reviewer of this campaign reads it. In a blind campaign it
 * holds no author, institution, province, submitter or file name: the
 * projection names what is kept, so a field added to entries later stays
 * hidden until someone decides reviewers should read it.
 */
export async function entryForReviewer(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  content: Doc,
  taskId: Id,
): Promise<TaskEntry> {
  const { fields } = options
  const track = String(content[fields.track] ?? '')
  const files = await attachmentFiles(req, options, content)
  const entry: TaskEntry = {
    number: text(content[fields.number]),
    title: text(content[fields.title]),
    track,
    trackName: trackOf(campaign, track)?.name ?? track,
    abstract: text(content[fields.abstract]),
    sections: ((content[fields.sections] ?? []) as Doc[]).map((s) => ({
      heading: text(s?.heading),
      body: text(s?.body),
    })),
    attachments: files.map(({ row, media }, index) => {
      const mimeType = text(media?.mimeType) || 'application/octet-stream'
      return {
        index,
        kind: kindOf(mimeType),
        mimeType,
        caption: text(row?.[fields.attachmentCaption]),
        url: `/api/review/tasks/${encodeURIComponent(String(taskId))}/files/${index}`,
      }
    }),
  }
  if (!campaign.blind) {
    entry.authors = ((content[fields.authors] ?? []) as Doc[]).map((a) => ({
      name: text(a?.name),
      title: text(a?.title),
      affiliation: text(a?.affiliation),
    }))
    const orgId = refId(content[fields.organization])
    const org = orgId === undefined ? null : await storedDoc(req, options.organizations, orgId)
    entry.institution = text(org?.name)
  }
  return entry
}
