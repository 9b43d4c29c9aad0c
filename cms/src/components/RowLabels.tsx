'use client'
import {
  ENTRY_STATE_LABELS,
  formatBeijing,
  formatBeijingZh,
  labelOf,
  type Locale,
  ORGANIZER_ROLE_LABELS,
  PHASE_LABELS,
  TRACK_KIND_LABELS,
} from '@exemplar/domain'
import { useRowLabel, useTranslation } from '@payloadcms/ui'

import { ARRAY_ROWS, type ArrayRowKind } from '../lib/arrayRows'

type Row = Record<string, unknown>

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

const shorten = (value: string, max = 40): string =>
  value.length > max ? `${value.slice(0, max)}…` : value

/** Joins the parts a row has, skipping empty ones: 主办单位 · 中国医师协会. */
const join = (...parts: string[]): string => parts.filter(Boolean).join(' · ')

const when = (instant: unknown, locale: Locale): string => {
  if (typeof instant !== 'string' || Number.isNaN(Date.parse(instant))) {
    return ''
  }
  return locale === 'zh' ? formatBeijingZh(instant) : `${formatBeijing(instant)} (Beijing)`
}

/**
 * A row label: the row's own words in the admin's language, or the row's noun
 * and its 1-based position (作者 1) while the row is still empty. Payload
 * would otherwise show its English "Author 01".
 */
function rowLabelFor(kind: ArrayRowKind, describe: (row: Row, locale: Locale) => string) {
  function RowLabel() {
    const { data, rowNumber } = useRowLabel<Row | undefined>()
    const { i18n } = useTranslation()
    const locale: Locale = i18n.language === 'en' ? 'en' : 'zh'
    const own = describe(data ?? {}, locale)
    return <span>{own || `${ARRAY_ROWS[kind].singular[locale]} ${(rowNumber ?? 0) + 1}`}</span>
  }
  RowLabel.displayName = `${kind}RowLabel`
  return RowLabel
}

export const OrganizerRowLabel = rowLabelFor('organizers', (row, locale) =>
  join(text(row.role) && labelOf(ORGANIZER_ROLE_LABELS, text(row.role), locale), text(row.name)),
)

export const ContactRowLabel = rowLabelFor('contacts', (row) =>
  join(text(row.name), text(row.organization)),
)

export const LegalTermRowLabel = rowLabelFor('legalTerms', (row) => text(row.title))

export const PhaseRowLabel = rowLabelFor('phases', (row, locale) => {
  const name = text(row.label) || (text(row.kind) && labelOf(PHASE_LABELS, text(row.kind), locale))
  const span = [when(row.startsAt, locale), when(row.endsAt, locale)].filter(Boolean).join(' – ')
  return join(name, span)
})

export const TrackRowLabel = rowLabelFor('tracks', (row, locale) =>
  join(text(row.name), text(row.kind) && labelOf(TRACK_KIND_LABELS, text(row.kind), locale)),
)

export const RubricRowLabel = rowLabelFor('rubric', (row) => text(row.label))

export const CampusRowLabel = rowLabelFor('campuses', (row) => text(row.name))

export const MediaAccountRowLabel = rowLabelFor('mediaAccounts', (row) => text(row.name))

export const SectionRowLabel = rowLabelFor('sections', (row) => shorten(text(row.heading)))

export const AttachmentRowLabel = rowLabelFor('attachments', (row) => shorten(text(row.caption)))

export const AuthorRowLabel = rowLabelFor('authors', (row) =>
  join(text(row.name), text(row.affiliation)),
)

export const HistoryRowLabel = rowLabelFor('history', (row, locale) => {
  const to = text(row.to)
  if (!to) {
    return ''
  }
  const from = text(row.from)
  const change = from
    ? `${labelOf(ENTRY_STATE_LABELS, from, locale)} → ${labelOf(ENTRY_STATE_LABELS, to, locale)}`
    : labelOf(ENTRY_STATE_LABELS, to, locale)
  return join(change, when(row.at, locale))
})
