import { describe, expect, it } from 'vitest'

import { type AssignInput, assignReviewers } from './assign'

// Brute force over every choice of k reviewers per entry: the assignment
// is feasible exactly when one choice exists, and its Σ load² is the least.
function lcg(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

function subsets(n: number, k: number): number[][] {
  if (k === 0) {
    return [[]]
  }
  const out: number[][] = []
  for (let first = 0; first <= n - k; first++) {
    for (const rest of subsets(n - first - 1, k - 1)) {
      out.push([first, ...rest.map((r) => r + first + 1)])
    }
  }
  return out
}

function bruteForce(input: AssignInput): number | null {
  const R = input.reviewers.length
  const caps = input.reviewers.map((r) => r.capacity ?? Infinity)
  const choices = input.entries.map((e) =>
    subsets(R, input.k).filter(
      (set) =>
        set.every((r) => !(e.conflicts ?? []).includes(`r${r}`)) &&
        (input.existing ?? []).every(
          (a) => a.entryId !== e.id || set.includes(Number(String(a.reviewerId).slice(1))),
        ),
    ),
  )
  let best: number | null = null
  const load = new Array<number>(R).fill(0)
  const walk = (e: number) => {
    if (e === choices.length) {
      const cost = load.reduce((a, l) => a + l * l, 0)
      best = best === null ? cost : Math.min(best, cost)
      return
    }
    for (const set of choices[e]!) {
      if (set.every((r) => load[r]! < caps[r]!)) {
        set.forEach((r) => load[r]!++)
        walk(e + 1)
        set.forEach((r) => load[r]!--)
      }
    }
  }
  walk(0)
  return best
}

function tiny(seed: number, withExisting = false): AssignInput {
  const rnd = lcg(seed)
  const R = 4 + Math.floor(rnd() * 2)
  const reviewers = Array.from({ length: R }, (_, i) => ({
    id: `r${i}`,
    capacity: rnd() < 0.4 ? 1 + Math.floor(rnd() * 3) : undefined,
  }))
  const entries = Array.from({ length: 5 }, (_, i) => ({
    id: `e${i}`,
    conflicts: reviewers.filter(() => rnd() < 0.35).map((r) => r.id),
  }))
  const existing = withExisting
    ? entries.flatMap((e) =>
        reviewers.filter(() => rnd() < 0.08).map((r) => ({ entryId: e.id, reviewerId: r.id })),
      )
    : []
  return { entries, reviewers, k: 1 + Math.floor(rnd() * 2), seed, existing }
}

describe('assignReviewers against brute force on small campaigns', () => {
  // Cases 31–60 start from random existing assignments (some conflicted, some over k).
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))(
    'should be feasible exactly when brute force is, with the least Σ load² (case %i)',
    (seed) => {
      const input = tiny(seed, seed > 30)
      const best = bruteForce(input)
      const result = assignReviewers(input)
      expect(result.ok).toBe(best !== null)
      if (result.ok) {
        const cost = Object.values(result.loads).reduce((a, l) => a + l * l, 0)
        expect(cost).toBe(best)
        expect(result.assignments).toEqual(expect.arrayContaining([...(input.existing ?? [])]))
      }
    },
  )
})
