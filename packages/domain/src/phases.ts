import type { Label } from './label'
import { toMs, type Instant } from './time'

/** The kinds of phase a campaign's timeline is made of, in their usual order. */
export const PHASE_LABELS = {
  registration: { zh: '报名', en: 'Registration' },
  submission: { zh: '作品征集', en: 'Submission' },
  screening: { zh: '审核', en: 'Screening' },
  display: { zh: '网络展示', en: 'Public display' },
  voting: { zh: '公众投票', en: 'Public voting' },
  review: { zh: '专家评审', en: 'Expert review' },
  publicity: { zh: '公示', en: 'Publicity' },
  results: { zh: '结果发布', en: 'Results' },
  training: { zh: '培训交流', en: 'Training' },
  summary: { zh: '总结', en: 'Summary' },
} as const satisfies Record<string, Label>

export type PhaseKind = keyof typeof PHASE_LABELS

export const PHASE_KINDS = Object.keys(PHASE_LABELS) as PhaseKind[]

export interface PhaseWindow {
  startsAt: Instant
  endsAt: Instant
}

export interface Phase extends PhaseWindow {
  kind: string
}

export type PhaseState = 'upcoming' | 'open' | 'closed'

/**
 * The one window rule: a phase is open from its start instant (inclusive)
 * up to, not including, its end instant. A phase missing either end is never open.
 */
export function isOpen(phase: PhaseWindow, instant: Instant = Date.now()): boolean {
  const t = toMs(instant)
  return toMs(phase.startsAt) <= t && t < toMs(phase.endsAt)
}

export function phaseState(phase: PhaseWindow, instant: Instant = Date.now()): PhaseState {
  if (isOpen(phase, instant)) {
    return 'open'
  }
  return toMs(instant) < toMs(phase.startsAt) ? 'upcoming' : 'closed'
}

/** The kinds of all phases open at `instant` (phases overlap, e.g. display and voting). */
export function openPhaseKinds(phases: readonly Phase[], instant: Instant = Date.now()): string[] {
  return [...new Set(phases.filter((p) => isOpen(p, instant)).map((p) => p.kind))]
}

/** Whether an action belonging to `kind` may run at `instant`. */
export function isPhaseOpen(
  phases: readonly Phase[],
  kind: string,
  instant: Instant = Date.now(),
): boolean {
  return phases.some((p) => p.kind === kind && isOpen(p, instant))
}

export type PhaseWindowState<P> =
  | { state: 'open'; phase: P }
  | { state: 'upcoming'; phase: P }
  | { state: 'closed'; phase: P }
  | { state: 'none' }

/**
 * Where `instant` stands among a campaign's phases of one kind. Phases of a
 * kind may repeat (a second round): an open one wins, then the next upcoming
 * one, else the last closed one. Phases without both ends are left out.
 */
export function windowOf<
  P extends { kind?: string | null; startsAt?: Instant | null; endsAt?: Instant | null },
>(
  phases: readonly P[] | null | undefined,
  kind: string,
  instant: Instant = Date.now(),
): PhaseWindowState<P & PhaseWindow> {
  const windows = (phases ?? [])
    .filter(
      (p): p is P & PhaseWindow => p.kind === kind && Boolean(p.startsAt) && Boolean(p.endsAt),
    )
    .sort((a, b) => toMs(a.startsAt) - toMs(b.startsAt))
  const open = windows.find((p) => isOpen(p, instant))
  if (open) {
    return { state: 'open', phase: open }
  }
  const t = toMs(instant)
  const next = windows.find((p) => t < toMs(p.startsAt))
  if (next) {
    return { state: 'upcoming', phase: next }
  }
  const last = windows.at(-1)
  return last ? { state: 'closed', phase: last } : { state: 'none' }
}
