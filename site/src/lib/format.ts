/**
 * Dates and numbers for display. The API speaks UTC instants; readers and the
 * campaign rules think in Beijing time, whatever zone the server runs in.
 */
import { CAMPAIGN_TIME_ZONE as TIME_ZONE } from '@exemplar/domain'

import type { Locale } from '../i18n'

export { CAMPAIGN_TIME_ZONE as TIME_ZONE, phaseState, type PhaseState } from '@exemplar/domain'

const intlLocale = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-GB')

/**
 * Building an Intl formatter costs far more than using one (a gallery page
 * formatting 30 numbers spent 7 ms building them): one per locale and
 * options, which are the few this file names.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function formatterOf<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  key: string,
  build: () => T,
): T {
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = build()
    if (formatters.size < 64) {
      formatters.set(key, formatter)
    }
  }
  return formatter as T
}

const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  formatterOf(
    `date ${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options }),
  )

function parts(instant: string | Date, locale: Locale, options: Intl.DateTimeFormatOptions) {
  const formatter = dateTimeFormat(intlLocale(locale), options)
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const part of formatter.formatToParts(new Date(instant))) {
    values[part.type] = part.value
  }
  return values
}

/** 2022年6月30日 (zh) / 30 Jun 2022 (en), as a Beijing calendar day. */
export function formatDate(instant: string | Date, locale: Locale = 'zh'): string {
  if (locale === 'zh') {
    const p = parts(instant, locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
    return `${p.year}年${p.month}月${p.day}日`
  }
  return dateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(instant),
  )
}

/**
 * A calendar day already decided in Beijing (YYYY-MM-DD), shown like
 * formatDate. Noon there keeps it that day in any zone; anything else is
 * shown as it came.
 */
export function formatDay(day: string, locale: Locale = 'zh'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(`${day}T12:00:00+08:00`, locale) : day
}

/** 2022年6月30日 00:00 (zh) / 30 Jun 2022, 00:00 (en), in Beijing time. */
export function formatDateTime(instant: string | Date, locale: Locale = 'zh'): string {
  const p = parts(instant, locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return `${formatDate(instant, locale)}${locale === 'zh' ? ' ' : ', '}${p.hour}:${p.minute}`
}

/** 16:05:03, a Beijing clock time, for "updated at". */
export function formatTime(instant: string | Date, locale: Locale = 'zh'): string {
  const p = parts(instant, locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  return `${p.hour}:${p.minute}:${p.second}`
}

/**
 * A Beijing hour for a chart's time axis: 16时 / 16:00, or with its day
 * (11月23日 16时 / 23 Nov 16:00) when the axis spans more than one day.
 */
export function formatHour(
  instant: string | Date | number,
  locale: Locale = 'zh',
  withDay = true,
): string {
  const p = parts(new Date(instant), locale, {
    month: locale === 'zh' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    hourCycle: 'h23',
  })
  const hour = locale === 'zh' ? `${p.hour}时` : `${p.hour}:00`
  if (!withDay) {
    return hour
  }
  return locale === 'zh' ? `${p.month}月${p.day}日 ${hour}` : `${p.day} ${p.month} ${hour}`
}

/** The machine-readable value for <time datetime>: the instant itself, in UTC. */
export function isoInstant(instant: string | Date): string {
  return new Date(instant).toISOString()
}

export function formatNumber(n: number, locale: Locale = 'zh'): string {
  return formatterOf(`number ${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(n)
}

/** File sizes as the campaign notices write them: 2MB, 30MB, 500KB. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) {
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)}MB`
  }
  return `${Math.max(1, Math.round(bytes / 1024))}KB`
}

/** Durations as the notices write them: 3分钟, 90秒, 2分30秒. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) {
    return `${rest}秒`
  }
  return rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`
}

/**
 * JSON to place inside a `<script type="application/json">` element: `<` is
 * escaped so an editor's title holding `</script>` cannot end the element,
 * and the two line separators JavaScript once rejected are escaped too.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
