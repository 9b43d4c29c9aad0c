import type { Label } from './label'

/**
 * The states an entry moves through (PRODUCT.md, "Entry workflow"). Which
 * transitions are allowed is the workflow's business; every package needs to
 * know the states, their names, and which are public or still editable.
 */
export const ENTRY_STATE_LABELS = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  screening: { zh: '审核中', en: 'Screening' },
  returned: { zh: '退回修改', en: 'Returned for changes' },
  rejected: { zh: '未通过', en: 'Rejected' },
  accepted: { zh: '审核通过·展示中', en: 'Accepted, on display' },
  voting: { zh: '投票中', en: 'In public voting' },
  review: { zh: '专家评审中', en: 'In expert review' },
  shortlisted: { zh: '入围', en: 'Shortlisted' },
  publicity: { zh: '公示中', en: 'In publicity' },
  awarded: { zh: '获奖', en: 'Awarded' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const satisfies Record<string, Label>

export type EntryState = keyof typeof ENTRY_STATE_LABELS

export const ENTRY_STATES = Object.keys(ENTRY_STATE_LABELS) as EntryState[]

/** States in which an entry is on public display. */
export const PUBLIC_ENTRY_STATES: readonly EntryState[] = [
  'accepted',
  'voting',
  'review',
  'shortlisted',
  'publicity',
  'awarded',
]

/** States in which an entry takes public votes (during its campaign's voting phase): the voting plugin's default. */
export const VOTABLE_ENTRY_STATES: readonly EntryState[] = ['accepted', 'voting']

/** Once screening starts the entry is locked for its submitter (seed 000: 作品经审核后将无法修改). */
export const SUBMITTER_EDITABLE_STATES: readonly EntryState[] = ['draft', 'returned']

/** States from which the submitter may withdraw an entry: before screening starts. */
export const WITHDRAWABLE_STATES: readonly EntryState[] = ['draft', 'submitted', 'returned']

/** States in which the submitter may delete their entry: only a draft, never anything submitted. */
export const SUBMITTER_DELETABLE_STATES: readonly EntryState[] = ['draft']

export function isEntryState(value: unknown): value is EntryState {
  return typeof value === 'string' && Object.hasOwn(ENTRY_STATE_LABELS, value)
}
