/** 我的作品: what a participant may still do with each entry, and its history as the page lists it. */
import {
  SUBMITTER_DELETABLE_STATES,
  SUBMITTER_EDITABLE_STATES,
  WITHDRAWABLE_STATES,
} from '@exemplar/domain'

import { formatDateTime } from './format'
import type { Locale } from '../i18n'
import { ENTRY_STATE_LABELS, type EntryStatus } from './labels'

export const EDITABLE_STATES: readonly EntryStatus[] = SUBMITTER_EDITABLE_STATES
export { WITHDRAWABLE_STATES }

export interface MyEntry {
  id: number
  number?: string | null
  title?: string | null
  campaign: { id: number; title: string; slug: string } | null
  track: string
  status: EntryStatus
  history: {
    from?: string | null
    to: string
    at: string
    reasonLabel?: string | null
    reason?: string | null
  }[]
  editable?: boolean
  withdrawable?: boolean
  deletable?: boolean
  updatedAt: string
}

export interface EntryActions {
  edit: boolean
  withdraw: boolean
  /** Screening has started: show "作品已进入审核，无法修改". */
  locked: boolean
}

/** What the participant may do; the server's own flags win over the state table when it sends them. */
export function entryActions(
  entry: Pick<MyEntry, 'status' | 'editable' | 'withdrawable'>,
): EntryActions {
  const edit = entry.editable ?? EDITABLE_STATES.includes(entry.status)
  const withdraw = entry.withdrawable ?? WITHDRAWABLE_STATES.includes(entry.status)
  const locked = !edit && !withdraw && entry.status !== 'withdrawn'
  return { edit, withdraw, locked }
}

/** Whether the participant may delete the entry (a draft); the server's flag wins when it sends one. */
export function canDelete(entry: Pick<MyEntry, 'status' | 'deletable'>): boolean {
  return entry.deletable ?? SUBMITTER_DELETABLE_STATES.includes(entry.status)
}

export function statusLabel(status: string, locale: Locale = 'zh'): string {
  return ENTRY_STATE_LABELS[status as EntryStatus]?.[locale] ?? status
}

/** Newest first: the list shows what moved last at the top. */
export function sortMine(entries: readonly MyEntry[]): MyEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
}

export interface HistoryLine {
  from: string
  to: string
  at: string
  reason: string
}

/** The status history as the detail page lists it, oldest first, times in Beijing time. */
export function historyLines(
  entry: Pick<MyEntry, 'history'>,
  locale: Locale = 'zh',
): HistoryLine[] {
  return [...(entry.history ?? [])]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((h) => ({
      from: h.from ? statusLabel(h.from, locale) : '—',
      to: statusLabel(h.to, locale),
      at: formatDateTime(h.at, locale),
      // A returned or rejected entry says why: the reason chosen from the list, then the editor's words.
      reason: [h.reasonLabel, h.reason].filter((part) => Boolean(part)).join('：'),
    }))
}
