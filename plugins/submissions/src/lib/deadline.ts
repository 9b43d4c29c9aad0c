/**
 * The submission window. Instants are stored in UTC and compared as instants;
 * what the submitter reads is Beijing time, because the notices say
 * "截至 2022 年 6 月 30 日零时" and mean Beijing's midnight.
 */
export const CAMPAIGN_TIME_ZONE = 'Asia/Shanghai'

export interface PhaseLike {
  kind?: string | null
  startsAt?: string | Date | null
  endsAt?: string | Date | null
}

export type WindowState =
  | { state: 'open'; closesAt: Date }
  | { state: 'upcoming'; opensAt: Date; closesAt: Date }
  | { state: 'closed'; closesAt: Date }
  | { state: 'none' }

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: CAMPAIGN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `2026-06-30 00:00` as a clock in Beijing shows the instant. */
export function formatBeijing(instant: Date | string): string {
  const p = Object.fromEntries(
    parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]),
  ) as Record<string, string>
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/**
 * Where `now` stands in the campaign's submission window. Phases of that kind
 * may repeat (a second round): an open one wins, then the next upcoming one,
 * else the last closed one.
 */
export function submissionWindow(
  phases: readonly PhaseLike[] | null | undefined,
  kind: string,
  now: Date = new Date(),
): WindowState {
  const windows = (phases ?? [])
    .filter((p) => p.kind === kind && p.startsAt && p.endsAt)
    .map((p) => ({ start: new Date(p.startsAt!), end: new Date(p.endsAt!) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
  if (windows.length === 0) {
    return { state: 'none' }
  }
  const t = now.getTime()
  const open = windows.find((w) => w.start.getTime() <= t && t < w.end.getTime())
  if (open) {
    return { state: 'open', closesAt: open.end }
  }
  const next = windows.find((w) => t < w.start.getTime())
  if (next) {
    return { state: 'upcoming', opensAt: next.start, closesAt: next.end }
  }
  return { state: 'closed', closesAt: windows.at(-1)!.end }
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
