/** China Standard Time has no daylight saving, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Public holidays and the weekend days worked in exchange (调休) are
 * announced by the State Council each November for the next year, so they are
 * configuration, not code: ISO dates (YYYY-MM-DD) in Asia/Shanghai.
 */
export interface WorkingCalendar {
  /** Weekdays that are days off (e.g. 2026-10-01). */
  holidays?: readonly string[]
  /** Saturdays or Sundays that are working days (调休上班). */
  workdays?: readonly string[]
}

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export function isWorkingDay(isoDate: string, calendar: WorkingCalendar = {}): boolean {
  if (calendar.holidays?.includes(isoDate)) {
    return false
  }
  if (calendar.workdays?.includes(isoDate)) {
    return true
  }
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The instant `days` working days after `start`, at the same Shanghai
 * wall-clock time. The day of submission does not count, so a profile sent on
 * a Friday afternoon or a Sunday is due on the same day two weeks on.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar = {}): Date {
  let cursor = start.getTime()
  let remaining = days
  while (remaining > 0) {
    cursor += DAY_MS
    if (isWorkingDay(shanghaiDate(new Date(cursor)), calendar)) {
      remaining -= 1
    }
  }
  return new Date(cursor)
}
