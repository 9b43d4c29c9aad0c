/**
 * The submission form's logic, kept out of the island so it can be tested:
 * the form state and the PATCH body built from it, restoring a saved entry,
 * the declarations' texts and the submission window; which step a server
 * error belongs to is in submissionErrors.ts, what a participant may still do
 * with an entry in myEntries.ts.
 * Everything here is pure; scripts/submission/* only touch the page.
 */
import type { Campaign, Entry } from '@exemplar/cms/payload-types'
import { isOpen, phaseState } from '@exemplar/domain'
import {
  checkContent,
  DECLARATION_LABELS,
  kindFromMime,
  type EntryContent,
  type RuleProblem,
  type TrackRequirements,
} from '@exemplar/plugin-submissions/rules'

import { TIME_ZONE } from './format'
import type { Track } from './labels'
import type { FieldError } from './submissionErrors'
import { containerFormat, type UploadedFile } from './uploads'

export * from './myEntries'
export * from './steps'
export * from './submissionErrors'

export type Channel = NonNullable<Entry['channel']>
export type Province = NonNullable<Entry['province']>

export const CHANNELS: Record<Channel, { zh: string; en: string; needs?: ChannelField }> = {
  self: { zh: '机构自荐', en: 'Self-recommended by the institution' },
  provincial: { zh: '各省推荐', en: 'Recommended by a province', needs: 'recommendingUnit' },
  media: { zh: '媒体单位推荐', en: 'Recommended by a media unit', needs: 'recommendingUnit' },
  individual: { zh: '个人作者直报', en: 'Submitted by the author', needs: 'informationSource' },
}

export { PROVINCES } from '@exemplar/domain'

type ChannelField = 'recommendingUnit' | 'informationSource'

/** The extra field a channel asks for: who recommends it, or where the author heard of the campaign. */
export function channelField(channel: Channel | '' | null | undefined): ChannelField | undefined {
  return channel ? CHANNELS[channel]?.needs : undefined
}

export interface SectionState {
  heading: string
  body: string
}

export interface AuthorState {
  name: string
  title: string
  affiliation: string
}

export interface AttachmentState {
  file: UploadedFile
  caption: string
}

export type DeclarationKey = 'original' | 'truthful' | 'freeUse'
export const DECLARATION_KEYS: readonly DeclarationKey[] = ['original', 'truthful', 'freeUse']

export interface FormState {
  entryId?: number
  campaign: number
  track: string
  theme: number | null
  title: string
  abstract: string
  sections: SectionState[]
  attachments: AttachmentState[]
  authors: AuthorState[]
  province: Province | ''
  city: string
  channel: Channel | ''
  recommendingUnit: string
  informationSource: string
  declarations: Record<DeclarationKey, boolean>
}

export const emptyAuthor = (): AuthorState => ({ name: '', title: '', affiliation: '' })

/**
 * One section per required heading, pre-filled so the participant writes under
 * the notice's own headings; a track that names none gets one free section.
 */
export function initialSections(track: Track | undefined): SectionState[] {
  const required = track?.requirements?.requiredSections ?? []
  return required.length > 0
    ? required.map((heading) => ({ heading, body: '' }))
    : [{ heading: '', body: '' }]
}

/**
 * Sections for a track, keeping what was written: when the participant
 * switches track, bodies under headings the new track also requires survive.
 */
export function sectionsForTrack(
  track: Track | undefined,
  current: readonly SectionState[],
): SectionState[] {
  const required = track?.requirements?.requiredSections ?? []
  if (required.length === 0) {
    const written = current.filter((s) => s.heading.trim() || s.body.trim())
    return written.length > 0 ? written.map((s) => ({ ...s })) : initialSections(track)
  }
  return required.map((heading) => ({
    heading,
    body: current.find((s) => s.heading === heading)?.body ?? '',
  }))
}

export function emptyState(campaign: number, track: Track | undefined): FormState {
  return {
    campaign,
    track: track?.key ?? '',
    theme: null,
    title: '',
    abstract: '',
    sections: initialSections(track),
    attachments: [],
    authors: [emptyAuthor()],
    province: '',
    city: '',
    channel: '',
    recommendingUnit: '',
    informationSource: '',
    declarations: { original: false, truthful: false, freeUse: false },
  }
}

/** What POST /api/submissions/drafts takes to open a draft. */
export function draftBody(state: FormState): { campaign: number; track: string; theme?: number } {
  return {
    campaign: state.campaign,
    track: state.track,
    ...(state.theme !== null ? { theme: state.theme } : {}),
  }
}

export interface DraftPatch {
  /** Left out while blank (see `patchBody`). */
  title?: string
  abstract: string
  theme: number | null
  sections: SectionState[]
  attachments: { file: number; caption: string }[]
  authors: AuthorState[]
  province: Province | null
  city: string
  channel: Channel | null
  recommendingUnit: string
  informationSource: string
  declarations: Record<DeclarationKey, boolean>
}

const trimmedAuthor = (a: AuthorState): AuthorState => ({
  name: a.name.trim(),
  title: a.title.trim(),
  affiliation: a.affiliation.trim(),
})

/**
 * Form indexes of the sections a PATCH sends. The entries collection marks a
 * section's body as required, and Payload refuses a whole save with one blank
 * body in it, so blank sections stay in the form only; required headings come
 * back from the track when the draft is reopened.
 */
export function sentSectionIndexes(state: FormState): number[] {
  return state.sections.flatMap((s, i) => (s.body.trim() ? [i] : []))
}

/**
 * The PATCH body for the draft. What the collection requires (title, a
 * section's body, an author's name) is left out while blank, so half-done
 * work can be saved; the field a channel does not ask for is cleared so a
 * value left from an earlier choice is not stored against the wrong channel.
 */
export function patchBody(state: FormState): DraftPatch {
  const needs = channelField(state.channel)
  const title = state.title.trim()
  return {
    ...(title ? { title } : {}),
    abstract: state.abstract,
    theme: state.theme,
    sections: sentSectionIndexes(state).map((i) => {
      const s = state.sections[i]!
      return { heading: s.heading.trim(), body: s.body }
    }),
    attachments: state.attachments.map((a) => ({ file: a.file.id, caption: a.caption })),
    authors: state.authors.map(trimmedAuthor).filter((a) => a.name),
    province: state.province || null,
    city: state.city.trim(),
    channel: state.channel || null,
    recommendingUnit: needs === 'recommendingUnit' ? state.recommendingUnit.trim() : '',
    informationSource: needs === 'informationSource' ? state.informationSource.trim() : '',
    declarations: { ...state.declarations },
  }
}

/**
 * Server paths name the stored sections (`sections.1.body` is the second
 * section sent); this turns them into the form's own indexes.
 */
export function toFormPaths(errors: readonly FieldError[], sent: readonly number[]): FieldError[] {
  return errors.map((error) => {
    const match = /^sections\.(\d+)(\..*)?$/.exec(error.field)
    const formIndex = match ? sent[Number(match[1])] : undefined
    return formIndex === undefined
      ? error
      : { ...error, field: `sections.${formIndex}${match?.[2] ?? ''}` }
  })
}

type MediaLike = {
  id: number
  filename?: string | null
  mimeType?: string | null
  filesize?: number | null
  url?: string | null
  thumbnailURL?: string | null
  width?: number | null
  height?: number | null
  /** Facts the submissions plugin may add to its media (duration, kind). */
  durationSeconds?: number | null
  kind?: string | null
}

/** An attachment's file as the entry returned it: populated media, or only its id. */
function uploadedFromMedia(file: number | MediaLike): UploadedFile {
  if (typeof file === 'number') {
    return { id: file, filename: `#${file}`, kind: 'doc', mimeType: '', bytes: 0, url: '' }
  }
  const mimeType = file.mimeType ?? ''
  return {
    id: file.id,
    filename: file.filename ?? `#${file.id}`,
    kind: (file.kind as UploadedFile['kind'] | null) ?? kindFromMime(mimeType) ?? 'doc',
    mimeType,
    bytes: file.filesize ?? 0,
    url: file.url ?? '',
    ...(file.thumbnailURL ? { thumbnailUrl: file.thumbnailURL } : {}),
    ...(file.width ? { width: file.width } : {}),
    ...(file.height ? { height: file.height } : {}),
    ...(file.durationSeconds ? { durationSeconds: file.durationSeconds } : {}),
  }
}

const idOf = (value: number | { id: number } | null | undefined): number | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

/** The form state of a saved entry (GET /api/submissions/entries/<id>), for coming back to it. */
export function stateFromEntry(entry: Entry, track: Track | undefined): FormState {
  const base = emptyState(idOf(entry.campaign) ?? 0, track)
  const sections = (entry.sections ?? []).map((s) => ({ heading: s.heading, body: s.body }))
  const authors = (entry.authors ?? []).map((a) => ({
    name: a.name,
    title: a.title ?? '',
    affiliation: a.affiliation ?? '',
  }))
  return {
    ...base,
    entryId: entry.id,
    track: entry.track,
    theme: idOf(entry.theme as number | { id: number } | null | undefined),
    title: entry.title ?? '',
    abstract: entry.abstract ?? '',
    sections: sections.length > 0 ? sectionsForTrackKeeping(track, sections) : base.sections,
    attachments: (entry.attachments ?? []).map((a) => ({
      file: uploadedFromMedia(a.file as number | MediaLike),
      caption: a.caption ?? '',
    })),
    authors: authors.length > 0 ? authors : base.authors,
    province: entry.province ?? '',
    city: entry.city ?? '',
    channel: entry.channel ?? '',
    recommendingUnit: entry.recommendingUnit ?? '',
    informationSource: entry.informationSource ?? '',
    declarations: {
      original: entry.declarations?.original === true,
      truthful: entry.declarations?.truthful === true,
      freeUse: entry.declarations?.freeUse === true,
    },
  }
}

/**
 * Saved sections back under the track's headings, in the track's order (a
 * draft stores only sections with text), then any extra sections as saved.
 */
function sectionsForTrackKeeping(track: Track | undefined, saved: SectionState[]): SectionState[] {
  const required = track?.requirements?.requiredSections ?? []
  const extra = saved.filter((s) => !required.includes(s.heading))
  return [
    ...required.map((heading) => ({
      heading,
      body: saved.find((s) => s.heading === heading)?.body ?? '',
    })),
    ...extra,
  ]
}

type LegalTerm = NonNullable<Campaign['legalTerms']>[number]

// Which of the campaign's terms each declaration accepts, following the rules' own wording of
// the three declarations (original includes third-party rights; truthful covers the content rules).
const DECLARATION_TERMS: Record<DeclarationKey, readonly LegalTerm['key'][]> = {
  original: ['originality', 'rights'],
  truthful: ['content'],
  freeUse: ['licence'],
}

export interface Declaration {
  key: DeclarationKey
  pledge: string
  /** The campaign's own terms the pledge accepts, in full. */
  terms: { title: string; text: string }[]
}

/** The three declarations a submitter ticks, each with the full text of the campaign terms it accepts. */
export function declarations(campaign: Pick<Campaign, 'legalTerms'>): Declaration[] {
  const terms = campaign.legalTerms ?? []
  return DECLARATION_KEYS.map((key) => ({
    key,
    pledge: DECLARATION_LABELS[key],
    terms: terms
      .filter((term) => DECLARATION_TERMS[key].includes(term.key))
      .map((term) => ({ title: term.title, text: term.text })),
  }))
}

export type SubmissionWindow =
  | { state: 'open'; endsAt: string }
  | { state: 'upcoming'; startsAt: string; endsAt: string }
  | { state: 'closed'; endsAt: string }
  | { state: 'none' }

/**
 * Whether entries are taken now. The server's openPhases decides at read time;
 * the dates only explain when it opens or closed. With several submission
 * phases the next or current one wins over past ones.
 */
export function submissionWindow(
  campaign: Pick<Campaign, 'phases' | 'openPhases'>,
  now: Date = new Date(),
): SubmissionWindow {
  const phases = (campaign.phases ?? [])
    .filter((p) => p.kind === 'submission')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  const current = phases.find((p) => isOpen(p, now))
  const serverOpen = (campaign.openPhases ?? []).includes('submission')
  if (current && (serverOpen || campaign.openPhases === undefined)) {
    return { state: 'open', endsAt: current.endsAt }
  }
  const next = phases.find((p) => phaseState(p, now) === 'upcoming')
  if (next) {
    return { state: 'upcoming', startsAt: next.startsAt, endsAt: next.endsAt }
  }
  const last = phases.at(-1)
  if (last) {
    return { state: 'closed', endsAt: last.endsAt }
  }
  return { state: 'none' }
}

/** HH:mm in Beijing time, for "已保存 14:05". */
export function clockTime(instant: Date | string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('hour')}:${get('minute')}`
}

/** The form's address for an entry, so the participant can leave and come back. */
export function formHref(base: string, entryId: number): string {
  return `${base}?entry=${encodeURIComponent(String(entryId))}`
}

/** A positive integer ?entry=, or undefined. */
export function entryParam(search: string): number | undefined {
  const value = new URLSearchParams(search).get('entry')
  const n = Number(value)
  return value && Number.isInteger(n) && n > 0 ? n : undefined
}

/** The sign-in link that comes back here afterwards (one builder for every page). */
export { loginHref } from './account'

/** The entry as the shared rules see it, so the form checks exactly what the server will. */
export function ruleContent(state: FormState): EntryContent {
  return {
    title: state.title,
    abstract: state.abstract,
    sections: state.sections,
    attachments: state.attachments.map((a) => ({
      caption: a.caption,
      file: {
        kind: a.file.kind,
        bytes: a.file.bytes,
        format: containerFormat(a.file),
        ...(a.file.durationSeconds !== undefined
          ? { durationSeconds: a.file.durationSeconds }
          : {}),
        ...(a.file.docx ? { docx: a.file.docx } : {}),
      },
    })),
    channel: state.channel || null,
    recommendingUnit: state.recommendingUnit,
    informationSource: state.informationSource,
    declarations: state.declarations,
  }
}

/**
 * The shared rules run in the browser: while typing only what is there is
 * checked (too long, too many), on the review step everything required.
 */
export function liveProblems(
  track: Track | undefined,
  state: FormState,
  complete: boolean,
): RuleProblem[] {
  const requirements = (track?.requirements ?? {}) as TrackRequirements
  return checkContent(requirements, ruleContent(state), { complete, trackKind: track?.kind })
}
