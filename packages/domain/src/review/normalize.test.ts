import { describe, expect, it } from 'vitest'

import { type SubmittedReview, disagreementFlags, normalizeScores } from './normalize'

// Golden data, every expected number worked out by hand:
// A (5 reviews): 50.5 55.5 58 60.5 65.5 → mean 58, population σ 5, z = −1.5 −0.5 0 0.5 1.5.
// B (5 reviews): 74.5 89.5 79.5 82 84.5 on e1..e5 → mean 82, σ 5, z = −1.5 1.5 −0.5 0 0.5.
// C (2 reviews, too few for a z): e1 90, e2 40 — stays raw.
// The ten z-scored totals: mean 70, σ √(1690/10) = 13, so normalized = 70 + 13·z.
const review = (entryId: string, reviewerId: string, total: number): SubmittedReview => ({
  entryId,
  reviewerId,
  total,
})
const golden: SubmittedReview[] = [
  review('e1', 'A', 50.5),
  review('e2', 'A', 55.5),
  review('e3', 'A', 58),
  review('e4', 'A', 60.5),
  review('e5', 'A', 65.5),
  review('e1', 'B', 74.5),
  review('e2', 'B', 89.5),
  review('e3', 'B', 79.5),
  review('e4', 'B', 82),
  review('e5', 'B', 84.5),
  review('e1', 'C', 90),
  review('e2', 'C', 40),
]

const means = (method: 'none' | 'zscore' | 'rank') =>
  normalizeScores(golden, method).entries.map((e) => [e.entryId, e.mean])

function expectClose(actual: (string | number)[][], expected: (string | number)[][]) {
  expect(actual.map((row) => row[0])).toEqual(expected.map((row) => row[0]))
  actual.forEach((row, i) => expect(row[1]).toBeCloseTo(expected[i]![1] as number, 4))
}

describe('normalizeScores golden vectors', () => {
  it('none: the raw totals and their means', () => {
    const result = normalizeScores(golden, 'none')
    expect(result.reviews.map((r) => r.normalized)).toEqual(golden.map((r) => r.total))
    expectClose(means('none'), [
      ['e1', 71.6667], // (50.5 + 74.5 + 90) / 3 = 215 / 3
      ['e2', 61.6667], // (55.5 + 89.5 + 40) / 3 = 185 / 3
      ['e3', 68.75],
      ['e4', 71.25],
      ['e5', 75],
    ])
  })

  it('zscore: 70 + 13·z for A and B, C raw', () => {
    const result = normalizeScores(golden, 'zscore')
    const expected = [50.5, 63.5, 70, 76.5, 89.5, 50.5, 89.5, 63.5, 70, 76.5, 90, 40]
    result.reviews.forEach((r, i) => expect(r.normalized).toBeCloseTo(expected[i]!, 9))
    expect(result.reviews.map((r) => r.z)).toEqual([
      -1.5,
      -0.5,
      0,
      0.5,
      1.5,
      -1.5,
      1.5,
      -0.5,
      0,
      0.5,
      null,
      null,
    ])
    expect(result.reviews.map((r) => r.basis)).toEqual([
      ...Array<string>(10).fill('zscore'),
      'raw',
      'raw',
    ])
    expectClose(means('zscore'), [
      ['e1', 63.6667], // (50.5 + 50.5 + 90) / 3 = 191 / 3
      ['e2', 64.3333], // (63.5 + 89.5 + 40) / 3 = 193 / 3
      ['e3', 66.75],
      ['e4', 73.25],
      ['e5', 83],
    ])
  })

  it('rank: percentile (below + equal/2) / n per reviewer', () => {
    const result = normalizeScores(golden, 'rank')
    expect(result.reviews.map((r) => r.normalized)).toEqual([
      10, 30, 50, 70, 90, 10, 90, 30, 50, 70, 75, 25,
    ])
    expectClose(means('rank'), [
      ['e1', 31.6667], // (10 + 10 + 75) / 3
      ['e2', 48.3333], // (30 + 90 + 25) / 3
      ['e3', 40],
      ['e4', 60],
      ['e5', 80],
    ])
  })

  it('rank: ties share the average percentile', () => {
    const tied = [60, 70, 70, 90].map((t, i) => review(`t${i}`, 'R', t))
    expect(normalizeScores(tied, 'rank').reviews.map((r) => r.normalized)).toEqual([
      12.5, 50, 50, 87.5,
    ])
  })

  it('zscore: σ = 0 and fewer than 5 reviews keep the raw total', () => {
    const flat = [0, 1, 2, 3, 4].map((i) => review(`f${i}`, 'S', 80))
    const few = [60, 70, 80, 90].map((t, i) => review(`g${i}`, 'T', t))
    const result = normalizeScores([...flat, ...few], 'zscore')
    expect(result.reviews.map((r) => [r.normalized, r.z, r.basis])).toEqual([
      ...Array.from({ length: 5 }, () => [80, null, 'raw']),
      [60, null, 'raw'],
      [70, null, 'raw'],
      [80, null, 'raw'],
      [90, null, 'raw'],
    ])
  })

  it('zscore: clamps to 0–100', () => {
    // A: 100×4, 0 (z 0.5×4, −2); B: 100×4, 99 (z 0.5×4, −2). Pooled mean 89.9, σ √898.09 ≈ 29.96815.
    const data = [
      ...[100, 100, 100, 100, 0].map((t, i) => review(`a${i}`, 'A', t)),
      ...[100, 100, 100, 100, 99].map((t, i) => review(`b${i}`, 'B', t)),
    ]
    const n = normalizeScores(data, 'zscore').reviews.map((r) => r.normalized)
    expect(n.filter((v) => v === 100)).toHaveLength(8) // 89.9 + 0.5·29.968 ≈ 104.88 → 100
    expect(n[4]).toBeCloseTo(29.9637, 3) // 89.9 − 2·29.96815
    expect(n[9]).toBeCloseTo(29.9637, 3)
  })
})

describe('disagreementFlags', () => {
  it('should flag spreads over 30 points (golden data: e1 39.5, e2 49.5; e3..e5 ≤ 21.5)', () => {
    expect(disagreementFlags(golden)).toEqual([
      { entryId: 'e1', reasons: ['spread'], spread: 39.5, maxAbsZ: 1.5 },
      { entryId: 'e2', reasons: ['spread'], spread: 49.5, maxAbsZ: 1.5 },
    ])
  })

  it('should not flag a spread of exactly 30', () => {
    expect(disagreementFlags([review('x', 'P', 50), review('x', 'Q', 80)])).toEqual([])
  })

  it('should flag |z| > 2 against the reviewer’s own reviews', () => {
    // D: 50×5, 95 → mean 57.5, σ = √281.25, z(95) = 37.5/√281.25 = √5 ≈ 2.23607.
    const data = [
      ...[50, 50, 50, 50, 50].map((t, i) => review(`d${i}`, 'D', t)),
      review('d5', 'D', 95),
      review('d5', 'E', 80),
    ]
    const flags = disagreementFlags(data)
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ entryId: 'd5', reasons: ['outlier'], spread: 15 })
    expect(flags[0]!.maxAbsZ).toBeCloseTo(2.23607, 5)
  })
})
