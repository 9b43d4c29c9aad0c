import type { EntryState } from '../entryStates'
import type { Label } from '../label'
import { isPhaseOpen, type Phase } from '../phases'
import { shanghaiDay, type Instant } from '../time'

/** An objection raised in publicity (公示异议), from open to decided. */
export const OBJECTION_STATUS_LABELS = {
  open: { zh: '待处理', en: 'Open' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
} as const satisfies Record<string, Label>

export type ObjectionStatus = keyof typeof OBJECTION_STATUS_LABELS

export const OBJECTION_DECISIONS = ['uphold', 'dismiss'] as const
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number]

/** The longest objection and the longest decision an editor writes back. */
export const OBJECTION_TEXT_MAX = 2000
export const OBJECTION_DECISION_MAX = 1000

/**
 * Evidence an objection may carry (a screenshot, a scanned document): a
 * few images or PDFs, each uploaded by the objector, kept private to them
 * and the committee.
 */
export const OBJECTION_EVIDENCE_MAX = 3
export const OBJECTION_EVIDENCE_BYTES_MAX = 10 * 1024 * 1024
export const OBJECTION_EVIDENCE_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const

/** Entries an objection can name: those the publicity lists, and awards given in it. */
export const OBJECTABLE_ENTRY_STATES: readonly EntryState[] = ['publicity', 'awarded']

/**
 * Whether an objection may be raised now: only while the campaign's
 * publicity phase is open (the one window rule). The refusal names the
 * window, so the objector knows it closed rather than that something broke.
 */
export function objectionWindowProblem(
  phases: readonly Phase[],
  instant: Instant = Date.now(),
): string | null {
  if (isPhaseOpen(phases, 'publicity', instant)) {
    return null
  }
  const publicity = phases.filter((p) => p.kind === 'publicity')
  if (publicity.length === 0) {
    return '该活动没有公示期，不受理异议'
  }
  const spans = publicity
    .map(
      (p) =>
        `${shanghaiDay(p.startsAt)} 至 ${shanghaiDay(new Date(new Date(p.endsAt).getTime() - 1))}`,
    )
    .join('、')
  return `异议只在公示期内受理（${spans}，北京时间），现在不在公示期内`
}
