import { describe, expect, it } from 'vitest'

import { lineChart, linearScale, niceDomain, niceStep, pathData, timeTicks } from './chart'

const HOUR = 3_600_000
const box = { width: 200, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 10 } }

describe('linearScale', () => {
  it('should map a domain onto a range, inverted for the y axis', () => {
    const y = linearScale([0, 100], [110, 10])
    expect([y(0), y(50), y(100)]).toEqual([110, 60, 10])
  })

  it('should put every value of a zero-width domain in the middle', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50)
  })
})

describe('niceStep', () => {
  it.each([
    [10, 4, 5],
    [100, 4, 50],
    [7, 4, 2],
    [1_493, 4, 500],
    [0.3, 4, 0.1],
  ])('should cover a span of %s in %s steps with a step of %s', (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step)
  })

  it('should answer 1 for an empty span', () => {
    expect(niceStep(0, 4)).toBe(1)
  })
})

describe('niceDomain', () => {
  it('should widen to whole steps around the data', () => {
    expect(niceDomain(1_479, 1_494)).toEqual({ min: 1_475, max: 1_495, step: 5 })
  })

  it('should give a flat series some height and never go below zero', () => {
    expect(niceDomain(0, 0)).toEqual({ min: 0, max: 1, step: 1 })
    expect(niceDomain(3, 3)).toEqual({ min: 2, max: 4, step: 1 })
  })

  it('should count in whole votes', () => {
    expect(niceDomain(1, 2).step).toBe(1)
  })
})

describe('timeTicks', () => {
  it('should fall on whole Beijing hours', () => {
    // 2026-11-23T08:20Z is 16:20 in Beijing; the next whole 2-hour mark there is 18:00 = 10:00Z.
    const from = Date.parse('2026-11-23T08:20:00Z')
    const ticks = timeTicks(from, from + 6 * HOUR, 4)
    expect(ticks.map((t) => new Date(t).toISOString())).toEqual([
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T12:00:00.000Z',
      '2026-11-23T14:00:00.000Z',
    ])
  })

  it('should step by days over a long span, at Beijing midnight', () => {
    const from = Date.parse('2026-11-01T00:00:00Z')
    const ticks = timeTicks(from, from + 10 * 24 * HOUR, 4)
    expect(ticks.length).toBeLessThanOrEqual(4)
    expect(ticks.every((t) => (t + 8 * HOUR) % (24 * HOUR) === 0)).toBe(true)
  })

  it('should give the one instant of an empty span', () => {
    expect(timeTicks(5, 5)).toEqual([5])
  })
})

describe('pathData', () => {
  it('should move to the first point and draw lines to the rest, to a tenth of a pixel', () => {
    expect(
      pathData([
        { x: 0, y: 10 },
        { x: 5.04, y: 2.26 },
        { x: 10, y: 0 },
      ]),
    ).toBe('M0 10 L5 2.3 L10 0')
  })

  it('should draw nothing for no points', () => {
    expect(pathData([])).toBe('')
  })
})

describe('lineChart', () => {
  const t0 = Date.parse('2026-11-23T00:00:00Z')

  it('should answer undefined when there is nothing to draw', () => {
    expect(lineChart([], box)).toBeUndefined()
    expect(lineChart([{ label: 'a', points: [] }], box)).toBeUndefined()
  })

  it('should span the plot from the first hour to the last and from the lowest tick to the highest', () => {
    const layout = lineChart(
      [
        {
          label: 'a',
          points: [
            { t: t0, value: 0 },
            { t: t0 + HOUR, value: 5 },
            { t: t0 + 2 * HOUR, value: 10 },
          ],
        },
        { label: 'b', points: [{ t: new Date(t0 + 2 * HOUR).toISOString(), value: 4 }] },
      ],
      box,
    )!
    expect(layout.plot).toEqual({ left: 10, top: 10, right: 190, bottom: 110 })
    expect(layout.lines[0]!.d).toBe('M10 110 L100 60 L190 10')
    expect(layout.lines[1]!.points).toEqual([{ x: 190, y: 70, t: t0 + 2 * HOUR, value: 4 }])
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([0, 5, 10])
    expect(layout.yTicks.at(-1)!.y).toBe(10)
    expect([layout.from, layout.to]).toEqual([t0, t0 + 2 * HOUR])
  })

  it('should sort points by time and drop unreadable ones', () => {
    const layout = lineChart(
      [
        {
          label: 'a',
          points: [
            { t: t0 + HOUR, value: 2 },
            { t: 'not a date', value: 9 },
            { t: t0, value: 1 },
          ],
        },
      ],
      box,
    )!
    expect(layout.lines[0]!.points.map((p) => p.value)).toEqual([1, 2])
  })

  it('should centre a single hour of data, an hour of room on each side', () => {
    const layout = lineChart([{ label: 'a', points: [{ t: t0, value: 1_494 }] }], box)!
    expect(layout.lines[0]!.points[0]!.x).toBe(100)
    expect(layout.xTicks.some((tick) => tick.t === t0)).toBe(true)
  })
})
