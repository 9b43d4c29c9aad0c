import type { EntryState } from './entryStates'
import { ENTRY_STATE_LABELS } from './entryStates'
import type { Label } from './label'
import { PHASE_LABELS, type Phase, type PhaseKind, isPhaseOpen } from './phases'
import type { Role } from './roles'
import type { Instant } from './time'

/** What someone does to an entry; each action moves it along one row of the transition table. */
export const ENTRY_ACTION_LABELS = {
  submit: { zh: '提交', en: 'Submit' },
  resubmit: { zh: '修改后重新提交', en: 'Resubmit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  startScreening: { zh: '开始审核', en: 'Start screening' },
  accept: { zh: '审核通过', en: 'Accept' },
  return: { zh: '退回修改', en: 'Return for changes' },
  reject: { zh: '不予通过', en: 'Reject' },
  disqualify: { zh: '取消资格', en: 'Disqualify' },
  openVoting: { zh: '进入投票', en: 'Open to voting' },
  startReview: { zh: '进入专家评审', en: 'Start expert review' },
  shortlist: { zh: '入围', en: 'Shortlist' },
  publicize: { zh: '进入公示', en: 'Start publicity' },
  award: { zh: '授奖', en: 'Award' },
  revoke: { zh: '撤销', en: 'Revoke' },
} as const satisfies Record<string, Label>

export type EntryAction = keyof typeof ENTRY_ACTION_LABELS

export const ENTRY_ACTIONS = Object.keys(ENTRY_ACTION_LABELS) as EntryAction[]

/** Who may act: editors (admins included), or the entry's own submitter. */
export type TransitionActor = 'editor' | 'submitter'

export interface Transition {
  action: EntryAction
  from: readonly EntryState[]
  to: EntryState
  actor: TransitionActor
  /**
   * The phases the action belongs to: it runs only while one of them is
   * open. A campaign whose timeline names none of them does not bind the
   * action to a phase (many campaigns have no separate screening phase).
   */
  phases: readonly PhaseKind[]
  /** Returning, rejecting, disqualifying and revoking need a reason code and a text. */
  needsReason: boolean
  /**
   * Only through the submission form, which checks the track's rules first:
   * the workflow's own endpoint refuses it.
   */
  formOnly?: boolean
}

const SCREENING: readonly PhaseKind[] = ['submission', 'screening']

/**
 * The entry workflow of PRODUCT.md, the one table every status change is
 * checked against: draft → submitted → screening → (returned → submitted) |
 * rejected | accepted → voting → expert review → shortlisted → publicity →
 * awarded | revoked; disqualified (→ rejected) from any screened state
 * before publicity; withdrawn by the submitter before screening.
 */
export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    actor: 'submitter',
    phases: ['submission'],
    needsReason: false,
    formOnly: true,
  },
  {
    action: 'resubmit',
    from: ['returned'],
    to: 'submitted',
    actor: 'submitter',
    phases: SCREENING,
    needsReason: false,
    formOnly: true,
  },
  {
    action: 'withdraw',
    from: ['draft', 'submitted', 'returned'],
    to: 'withdrawn',
    actor: 'submitter',
    phases: [],
    needsReason: false,
  },
  {
    action: 'startScreening',
    from: ['submitted'],
    to: 'screening',
    actor: 'editor',
    phases: SCREENING,
    needsReason: false,
  },
  {
    action: 'accept',
    from: ['screening'],
    to: 'accepted',
    actor: 'editor',
    phases: SCREENING,
    needsReason: false,
  },
  {
    action: 'return',
    from: ['screening'],
    to: 'returned',
    actor: 'editor',
    phases: SCREENING,
    needsReason: true,
  },
  {
    action: 'reject',
    from: ['screening'],
    to: 'rejected',
    actor: 'editor',
    phases: SCREENING,
    needsReason: true,
  },
  {
    action: 'disqualify',
    from: ['submitted', 'screening', 'accepted', 'voting', 'review', 'shortlisted'],
    to: 'rejected',
    actor: 'editor',
    phases: [],
    needsReason: true,
  },
  {
    action: 'openVoting',
    from: ['accepted'],
    to: 'voting',
    actor: 'editor',
    phases: ['voting'],
    needsReason: false,
  },
  {
    action: 'startReview',
    from: ['accepted', 'voting'],
    to: 'review',
    actor: 'editor',
    phases: ['review'],
    needsReason: false,
  },
  {
    action: 'shortlist',
    from: ['review'],
    to: 'shortlisted',
    actor: 'editor',
    phases: ['review', 'publicity'],
    needsReason: false,
  },
  {
    action: 'publicize',
    from: ['shortlisted'],
    to: 'publicity',
    actor: 'editor',
    phases: ['publicity'],
    needsReason: false,
  },
  {
    action: 'award',
    from: ['publicity'],
    to: 'awarded',
    actor: 'editor',
    phases: ['results'],
    needsReason: false,
  },
  {
    action: 'revoke',
    from: ['publicity', 'awarded'],
    to: 'revoked',
    actor: 'editor',
    phases: [],
    needsReason: true,
  },
]

export function isEntryAction(value: unknown): value is EntryAction {
  return typeof value === 'string' && Object.hasOwn(ENTRY_ACTION_LABELS, value)
}

export function transitionOf(action: EntryAction): Transition {
  return TRANSITIONS.find((t) => t.action === action)!
}

/** The action that moves `from` to `to`, when exactly one does (a move recorded without naming its action). */
export function actionBetween(from: EntryState, to: EntryState): EntryAction | undefined {
  const found = TRANSITIONS.filter((t) => t.from.includes(from) && t.to === to)
  return found.length === 1 ? found[0]!.action : undefined
}

/** The reasons an editor picks from, until editors add their own (the workflow plugin's reason list). */
export const DEFAULT_TRANSITION_REASONS: readonly {
  code: string
  label: Label
  actions: readonly EntryAction[]
}[] = [
  {
    code: 'incomplete',
    label: { zh: '材料不全', en: 'Materials incomplete' },
    actions: ['return', 'reject'],
  },
  {
    code: 'format',
    label: { zh: '格式不符合要求', en: 'Format does not meet the requirements' },
    actions: ['return', 'reject'],
  },
  {
    code: 'overLimit',
    label: { zh: '超出字数、数量或大小限制', en: 'Over a length, count or size limit' },
    actions: ['return', 'reject'],
  },
  {
    code: 'offTopic',
    label: { zh: '不符合征集主题', en: 'Outside the campaign’s themes' },
    actions: ['reject', 'disqualify'],
  },
  {
    code: 'plagiarism',
    label: { zh: '抄袭或侵犯他人权利', en: 'Plagiarism or infringement' },
    actions: ['disqualify', 'revoke'],
  },
  {
    code: 'falseInformation',
    label: { zh: '信息不实', en: 'False information' },
    actions: ['reject', 'disqualify', 'revoke'],
  },
  {
    code: 'duplicate',
    label: { zh: '重复投稿', en: 'Submitted more than once' },
    actions: ['disqualify'],
  },
  {
    code: 'fraud',
    label: { zh: '公示期间查实弄虚作假', en: 'Fraud found during publicity' },
    actions: ['revoke'],
  },
]

export const REASON_CODE_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{1,39}$/

export type TransitionRefusal =
  | { code: 'unknownAction'; status: 400; message: string }
  | { code: 'formOnly'; status: 409; message: string }
  | { code: 'forbidden'; status: 403; message: string }
  | { code: 'illegalTransition'; status: 409; message: string }
  | { code: 'phaseClosed'; status: 409; message: string }

export interface TransitionCheck {
  action: unknown
  from: EntryState
  /** The actor's role, and whether they submitted this entry. */
  role: Role | undefined
  isSubmitter: boolean
  phases: readonly Phase[]
  at?: Instant
  /** Whether the caller is the submission form (which checked the track's rules). */
  viaForm?: boolean
}

const stateName = (s: EntryState) => ENTRY_STATE_LABELS[s].zh
const actionName = (a: EntryAction) => ENTRY_ACTION_LABELS[a].zh

/**
 * Whether `action` may move an entry in state `from` now, for this actor:
 * the transition, or the refusal with a Chinese message naming the state and
 * the action. Order: a role that may never take the action is refused (403)
 * before a state it cannot leave that way (409), before a closed phase (409).
 */
export function checkTransition(c: TransitionCheck): Transition | TransitionRefusal {
  if (!isEntryAction(c.action)) {
    return { code: 'unknownAction', status: 400, message: `未知的操作“${String(c.action)}”` }
  }
  const t = transitionOf(c.action)
  const editor = c.role === 'admin' || c.role === 'editor'
  const allowed = t.actor === 'editor' ? editor : c.isSubmitter
  if (!allowed) {
    return {
      code: 'forbidden',
      status: 403,
      message:
        t.actor === 'editor'
          ? `只有组委会编辑可以“${actionName(t.action)}”`
          : `只有作品的提交人可以“${actionName(t.action)}”`,
    }
  }
  if (!t.from.includes(c.from)) {
    return {
      code: 'illegalTransition',
      status: 409,
      message: `作品当前状态为“${stateName(c.from)}”，不能“${actionName(t.action)}”`,
    }
  }
  if (t.formOnly && !c.viaForm) {
    return {
      code: 'formOnly',
      status: 409,
      message: `“${actionName(t.action)}”请在作品提交页面完成：提交前要检查作品是否符合类别要求`,
    }
  }
  const named = t.phases.filter((kind) => c.phases.some((p) => p.kind === kind))
  if (named.length > 0 && !named.some((kind) => isPhaseOpen(c.phases, kind, c.at))) {
    const names = named.map((kind) => PHASE_LABELS[kind].zh).join('或')
    return {
      code: 'phaseClosed',
      status: 409,
      message: `“${actionName(t.action)}”只能在${names}阶段进行，该阶段当前未开放`,
    }
  }
  return t
}

export function isRefusal(value: Transition | TransitionRefusal): value is TransitionRefusal {
  return 'status' in value
}

/** The actions open to an actor on an entry now, for buttons and bulk menus. */
export function availableActions(c: Omit<TransitionCheck, 'action'>): EntryAction[] {
  return ENTRY_ACTIONS.filter((action) => !isRefusal(checkTransition({ ...c, action })))
}
