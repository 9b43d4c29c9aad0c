/**
 * The submission window, read with the domain's one window rule. What the
 * submitter reads is Beijing time, because the notices say
 * "截至 2022 年 6 月 30 日零时" and mean Beijing's midnight.
 */
import { formatBeijing, windowOf, type Instant } from '@exemplar/domain'

export { CAMPAIGN_TIME_ZONE, formatBeijing } from '@exemplar/domain'

export interface PhaseLike {
  kind?: string | null
  startsAt?: Instant | null
  endsAt?: Instant | null
}

export type WindowState =
  | { state: 'open'; closesAt: Date }
  | { state: 'upcoming'; opensAt: Date; closesAt: Date }
  | { state: 'closed'; closesAt: Date }
  | { state: 'none' }

/** Where `now` stands in the campaign's submission window (an open round, else the next, else the last). */
export function submissionWindow(
  phases: readonly PhaseLike[] | null | undefined,
  kind: string,
  now: Date = new Date(),
): WindowState {
  const window = windowOf(phases, kind, now)
  if (window.state === 'none') {
    return window
  }
  const closesAt = new Date(window.phase.endsAt)
  if (window.state === 'upcoming') {
    return { state: 'upcoming', opensAt: new Date(window.phase.startsAt), closesAt }
  }
  return { state: window.state, closesAt }
}

/** Why a submission is not taken now, in Chinese, or `null` while the window is open. */
export function windowRefusal(window: WindowState): string | null {
  switch (window.state) {
    case 'open':
      return null
    case 'upcoming':
      return `征集尚未开始，将于 ${formatBeijing(window.opensAt)}（北京时间）开始`
    case 'closed':
      return `征集已于 ${formatBeijing(window.closesAt)}（北京时间）截止`
    default:
      return '本活动未设置作品征集时间，暂不接受报送'
  }
}
