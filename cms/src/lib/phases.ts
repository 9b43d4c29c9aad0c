/**
 * Campaign timelines. Instants are stored in UTC; deciding whether a phase is
 * open compares instants, so it is exact whatever the server's time zone.
 * Calendar days (for display and for "per day" rules) are Asia/Shanghai days.
 */
export const PHASE_KINDS = [
  'registration',
  'submission',
  'screening',
  'display',
  'voting',
  'review',
  'publicity',
  'results',
  'training',
  'summary',
] as const

export type PhaseKind = (typeof PHASE_KINDS)[number]

export const PHASE_LABELS: Record<PhaseKind, { zh: string; en: string }> = {
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
}

export const CAMPAIGN_TIME_ZONE = 'Asia/Shanghai'

export interface PhaseWindow {
  kind: PhaseKind | string
  startsAt: string | Date
  endsAt: string | Date
}

export type PhaseState = 'upcoming' | 'open' | 'closed'

/** A phase is open from its start instant (inclusive) to its end instant (exclusive). */
export function phaseState(phase: PhaseWindow, now: Date = new Date()): PhaseState {
  const t = now.getTime()
  if (t < new Date(phase.startsAt).getTime()) {
    return 'upcoming'
  }
  if (t < new Date(phase.endsAt).getTime()) {
    return 'open'
  }
  return 'closed'
}

/** The kinds of all phases open at `now` (phases overlap, e.g. display and voting). */
export function openPhaseKinds(phases: readonly PhaseWindow[], now: Date = new Date()): string[] {
  const open = new Set<string>()
  for (const phase of phases) {
    if (phaseState(phase, now) === 'open') {
      open.add(phase.kind)
    }
  }
  return [...open]
}

/** Whether a server-side action belonging to `kind` may run now. */
export function isPhaseOpen(
  phases: readonly PhaseWindow[],
  kind: PhaseKind,
  now: Date = new Date(),
): boolean {
  return phases.some((p) => p.kind === kind && phaseState(p, now) === 'open')
}

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(instant: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CAMPAIGN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant))
}
