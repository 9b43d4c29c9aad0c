/**
 * Instants are stored in UTC and compared as instants, so a decision is exact
 * whatever zone the server runs in. What people read, and the unit of "per
 * day" rules, is Beijing time: the notices say "截至 2022 年 6 月 30 日零时"
 * and mean Beijing's midnight. China keeps UTC+8 all year.
 */
export const CAMPAIGN_TIME_ZONE = 'Asia/Shanghai'

const OFFSET_MS = 8 * 3_600_000

export type Instant = string | number | Date

/** Milliseconds since the epoch; NaN for a value that names no instant. */
export function toMs(instant: Instant): number {
  if (typeof instant === 'number') {
    return instant
  }
  return instant instanceof Date ? instant.getTime() : Date.parse(instant)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The clock in Beijing at an instant, as UTC fields of a shifted date. */
function beijing(instant: Instant): Date {
  return new Date(toMs(instant) + OFFSET_MS)
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD: the unit of "per day" rules. */
export function shanghaiDay(instant: Instant): string {
  return beijing(instant).toISOString().slice(0, 10)
}

/** `2026-06-30 00:00`, as a clock in Beijing shows the instant. */
export function formatBeijing(instant: Instant): string {
  const d = beijing(instant)
  return `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `2026年6月30日 00:00`, Beijing time, for messages in Chinese. */
export function formatBeijingZh(instant: Instant): string {
  const d = beijing(instant)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** The Beijing calendar year of an instant. */
export function shanghaiYear(instant: Instant): number {
  return beijing(instant).getUTCFullYear()
}

/**
 * formatBeijingZh's shape as a date-fns pattern (`2026年6月30日 00:00`), for
 * displays that format with date-fns themselves (the Payload admin).
 */
export const BEIJING_ZH_DATE_PATTERN = 'yyyy年M月d日 HH:mm'
