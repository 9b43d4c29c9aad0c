import { submissionWindow, windowRefusal } from '../lib/deadline'
import { SubmissionError } from '../lib/errors'
import { idOf } from '../lib/ids'
import {
  checkContent,
  kindFromMime,
  type EntryContent,
  type FileFacts,
  type RuleProblem,
} from '../rules'
import type { ResolvedSubmissionsOptions } from '../types'
import { ownMedia, trackIn } from './lookups'
import type { Campaign, StoredFacts, SubmissionsContext } from './types'

function dedupe(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.field}|${p.code}`
    if (seen.has(key)) {
      return false
    }
    seen.add(key)
    return true
  })
}

/** The rules' view of a media document: the facts recorded at upload, else what Payload knows. */
export function factsOfMedia(media: Record<string, unknown>): FileFacts | undefined {
  const stored = media.submissionFacts as StoredFacts | null | undefined
  if (stored && stored.kind) {
    const { kind, bytes, format, durationSeconds, docx } = stored
    return {
      kind,
      bytes,
      ...(format ? { format } : {}),
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
      ...(docx ? { docx } : {}),
    }
  }
  // A participant's file that did not pass through the plugin's inspection (a direct
  // POST /api/media) has no facts: it is not a checked attachment. Editors' files are trusted.
  if (media.submissionUpload) {
    return undefined
  }
  const kind = kindFromMime(String(media.mimeType ?? ''))
  return kind ? { kind, bytes: Number(media.filesize ?? 0) } : undefined
}

/**
 * Every track rule for `entry` (a merged document: stored values plus the
 * change). `complete` at submit. Attachments are checked on the facts
 * recorded when the file was inspected, never on what the client says.
 */
export async function entryProblems(
  s: SubmissionsContext,
  entry: Record<string, unknown>,
  campaign: Campaign,
  { complete, user }: { complete: boolean; user: unknown },
): Promise<RuleProblem[]> {
  const track = trackIn(campaign, entry.track)
  const requirements = track.requirements ?? {}
  const attachments = (entry.attachments ?? []) as { file?: unknown; caption?: string | null }[]
  const ids = attachments.map((a) => idOf(a.file)).filter((x) => x !== undefined)
  const media = await ownMedia(s, user, ids)
  const problems: RuleProblem[] = []
  const content: EntryContent = {
    title: entry.title as string | undefined,
    abstract: entry.abstract as string | undefined,
    sections: (entry.sections ?? []) as EntryContent['sections'],
    channel: entry.channel as string | undefined,
    recommendingUnit: entry.recommendingUnit as string | undefined,
    informationSource: entry.informationSource as string | undefined,
    declarations: entry.declarations as EntryContent['declarations'],
    attachments: [],
  }
  for (const [i, a] of attachments.entries()) {
    const id = idOf(a.file)
    const doc = id === undefined ? undefined : media.get(String(id))
    const facts = doc ? factsOfMedia(doc) : undefined
    if (id !== undefined && !facts) {
      problems.push({
        field: `attachments.${i}.file`,
        code: 'file.notFound',
        message: `第 ${i + 1} 个附件的文件不存在或不是您上传的，请重新上传`,
      })
      continue
    }
    content.attachments!.push({ caption: a.caption ?? null, file: facts as FileFacts })
  }
  problems.push(...checkContent(requirements, content, { complete, trackKind: track.kind ?? null }))
  return dedupe(problems)
}

/** Refusal of a first submission outside the window; a returned entry may come back after it. */
export function deadlineProblem(
  options: Pick<ResolvedSubmissionsOptions, 'submissionPhase'>,
  campaign: Pick<Campaign, 'phases'>,
  from: unknown,
  now = new Date(),
): RuleProblem | null {
  if (from === 'returned') {
    return null
  }
  const window = submissionWindow(campaign.phases, options.submissionPhase, now)
  const message = windowRefusal(window)
  if (!message) {
    return null
  }
  return {
    field: 'campaign',
    code: window.state === 'upcoming' ? 'deadline.notOpen' : 'deadline.closed',
    message,
    ...('closesAt' in window ? { limit: window.closesAt.toISOString() } : {}),
  }
}

/** Every attachment names a file, and every file is the caller's own upload; 422 otherwise. */
export async function refuseForeignFiles(
  s: SubmissionsContext,
  user: unknown,
  data: Record<string, unknown>,
): Promise<void> {
  const attachments = (data.attachments ?? []) as { file?: unknown }[]
  const ids = attachments.map((a) => idOf(a.file)).filter((x) => x !== undefined)
  const mine = await ownMedia(s, user, ids)
  const errors: RuleProblem[] = []
  for (const [i, a] of attachments.entries()) {
    const id = idOf(a.file)
    if (id === undefined || id === null) {
      errors.push({
        field: `attachments.${i}.file`,
        code: 'file.required',
        message: `第 ${i + 1} 个附件缺少文件，请上传或删除该项`,
      })
    } else if (!mine.has(String(id))) {
      errors.push({
        field: `attachments.${i}.file`,
        code: 'file.notFound',
        message: `第 ${i + 1} 个附件的文件不存在或不是您上传的，请重新上传`,
      })
    }
  }
  if (errors.length > 0) {
    throw new SubmissionError(422, errors)
  }
}
