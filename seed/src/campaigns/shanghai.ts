/**
 * Asia/Shanghai date helpers for the campaign definitions. Shanghai keeps
 * UTC+8 all year (no daylight saving), so plain arithmetic is enough.
 */

const OFFSET = '+08:00'
const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** The UTC midnight of a `YYYY-MM-DD` calendar day, as milliseconds. */
function dayMs(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) {
    throw new Error(`Expected a YYYY-MM-DD date, got "${date}"`)
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

/** Formats milliseconds (read as a UTC calendar day) as `YYYY-MM-DD`. */
function formatDay(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** `at('2022-06-30')` → `'2022-06-30T00:00:00+08:00'`; `time` is Shanghai `HH:mm`. */
export function at(date: string, time = '00:00'): string {
  dayMs(date)
  if (!/^\d{2}:\d{2}$/.test(time)) {
    throw new Error(`Expected a HH:mm time, got "${time}"`)
  }
  return `${date}T${time}:00${OFFSET}`
}

/** The instant a Shanghai calendar day ends: the next day's 00:00 (+08:00). */
export function endOfDay(date: string): string {
  return at(formatDay(dayMs(date) + DAY_MS))
}

/** The Shanghai calendar day of an instant, as `YYYY-MM-DD`. */
export function shanghaiDate(now: Date): string {
  return formatDay(now.getTime() + OFFSET_MS)
}

/** The Shanghai calendar year of an instant. */
export function shanghaiYear(now: Date): number {
  return new Date(now.getTime() + OFFSET_MS).getUTCFullYear()
}

/**
 * The Shanghai calendar day `days` after `now`'s Shanghai date, at the given
 * Shanghai time, as an ISO string with `+08:00`.
 */
export function shift(now: Date, days: number, time = '00:00'): string {
  return at(formatDay(dayMs(shanghaiDate(now)) + days * DAY_MS), time)
}
