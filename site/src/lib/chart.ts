/**
 * A small line chart as numbers for inline SVG: scales, "nice" ticks and
 * path data. Pure functions, no chart library: the leaderboard needs five
 * lines over hours, and the server renders them into the page.
 */

export interface ChartPoint {
  /** An instant: epoch milliseconds or an ISO string. */
  t: number | string
  value: number
}

export interface ChartSeriesInput {
  label: string
  points: readonly ChartPoint[]
}

export interface ChartBox {
  width: number
  height: number
  /** Room for the axes' labels around the plot. */
  margin: { top: number; right: number; bottom: number; left: number }
}

export interface Xy {
  x: number
  y: number
}

export interface ChartLine {
  label: string
  /** The SVG path's `d`; a single point is a move only, so draw markers too. */
  d: string
  points: (Xy & { t: number; value: number })[]
}

export interface ChartLayout {
  width: number
  height: number
  plot: { left: number; top: number; right: number; bottom: number }
  lines: ChartLine[]
  xTicks: (Xy & { t: number })[]
  yTicks: (Xy & { value: number })[]
  /** The time span of the data (not of the padded axis). */
  from: number
  to: number
}

const HOUR = 3_600_000
/** Beijing is UTC+8 all year; ticks fall on whole Beijing hours and days. */
const SHANGHAI_OFFSET = 8 * HOUR

/** Rounds to 0.1 so the markup stays short; a tenth of a pixel is invisible. */
const round = (n: number) => Math.round(n * 10) / 10

/** A linear map from a domain onto a range; a zero-width domain maps to the range's middle. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  if (d1 === d0) {
    return () => (r0 + r1) / 2
  }
  const k = (r1 - r0) / (d1 - d0)
  return (value) => r0 + (value - d0) * k
}

/** The smallest step of 1, 2 or 5 × 10ⁿ that covers `span` in at most `count` steps. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) {
    return 1
  }
  const raw = span / count
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-9)
  return step ?? 10 * magnitude
}

/**
 * An axis from `min` to `max` widened to whole steps, for vote counts: whole
 * numbers only, never below zero, and a flat series still gets some height.
 */
export function niceDomain(
  min: number,
  max: number,
  count = 4,
): { min: number; max: number; step: number } {
  let lo = Math.min(min, max)
  let hi = Math.max(min, max)
  if (hi === lo) {
    lo = Math.max(0, lo - 1)
    hi = hi + 1
  }
  const step = Math.max(1, niceStep(hi - lo, count))
  return {
    min: Math.max(0, Math.floor(lo / step) * step),
    max: Math.ceil(hi / step) * step,
    step,
  }
}

/** Hour steps that read well on a clock. */
const HOUR_STEPS = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720].map((h) => h * HOUR)

/** At most `count` instants on whole Beijing hours (or days) between `from` and `to`, inclusive. */
export function timeTicks(from: number, to: number, count = 4): number[] {
  if (!(to > from)) {
    return [from]
  }
  const step =
    HOUR_STEPS.find((s) => Math.floor((to - from) / s) + 1 <= count) ?? HOUR_STEPS.at(-1)!
  const first = Math.ceil((from + SHANGHAI_OFFSET) / step) * step - SHANGHAI_OFFSET
  const ticks: number[] = []
  for (let tick = first; tick <= to; tick += step) {
    ticks.push(tick)
  }
  return ticks
}

/** SVG path data through the points in order: "M x y L x y …". */
export function pathData(points: readonly Xy[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ')
}

const instant = (t: number | string) => (typeof t === 'number' ? t : Date.parse(t))

/**
 * Lays out the series in the box: time along x, value up y. Points with an
 * unreadable time are dropped; `undefined` when nothing is left to draw.
 * One hour of data is widened by an hour each side so it sits mid-plot.
 */
export function lineChart(
  series: readonly ChartSeriesInput[],
  box: ChartBox,
  { xTicks = 4, yTicks = 4 }: { xTicks?: number; yTicks?: number } = {},
): ChartLayout | undefined {
  const clean = series.map((s) => ({
    label: s.label,
    points: s.points
      .map((p) => ({ t: instant(p.t), value: p.value }))
      .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value))
      .sort((a, b) => a.t - b.t),
  }))
  const all = clean.flatMap((s) => s.points)
  if (all.length === 0) {
    return undefined
  }
  const times = all.map((p) => p.t)
  const values = all.map((p) => p.value)
  const from = Math.min(...times)
  const to = Math.max(...times)
  const [t0, t1] = from === to ? [from - HOUR, to + HOUR] : [from, to]
  const y = niceDomain(Math.min(...values), Math.max(...values), yTicks)

  const plot = {
    left: box.margin.left,
    top: box.margin.top,
    right: box.width - box.margin.right,
    bottom: box.height - box.margin.bottom,
  }
  const sx = linearScale([t0, t1], [plot.left, plot.right])
  const sy = linearScale([y.min, y.max], [plot.bottom, plot.top])

  const lines = clean
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const points = s.points.map((p) => ({
        x: round(sx(p.t)),
        y: round(sy(p.value)),
        t: p.t,
        value: p.value,
      }))
      return { label: s.label, d: pathData(points), points }
    })

  const yValues: number[] = []
  for (let v = y.min; v <= y.max + 1e-9; v += y.step) {
    yValues.push(v)
  }
  return {
    width: box.width,
    height: box.height,
    plot,
    lines,
    xTicks: timeTicks(t0, t1, xTicks).map((t) => ({ t, x: round(sx(t)), y: plot.bottom })),
    yTicks: yValues.map((value) => ({ value, x: plot.left, y: round(sy(value)) })),
    from,
    to,
  }
}
