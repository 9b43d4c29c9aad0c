import { describe, expect, it } from 'vitest'

import { type AssignInput, type AssignResult, assignReviewers } from './assign'

// The test's own generator (an LCG), so the data does not depend on the code under test.
function lcg(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

function randomCampaign(entries: number, reviewers: number, k: number, seed: number): AssignInput {
  const rnd = lcg(seed)
  const reviewerIds = Array.from({ length: reviewers }, (_, i) => `r${i}`)
  return {
    k,
    seed: 42,
    reviewers: reviewerIds.map((id) => ({ id })),
    entries: Array.from({ length: entries }, (_, i) => ({
      id: `e${i}`,
      // About a fifth of all pairs conflicted, some entries far more.
      conflicts: reviewerIds.filter(() => rnd() < (i % 17 === 0 ? 0.45 : 0.2)),
    })),
  }
}

function ok(result: AssignResult) {
  if (!result.ok) {
    throw new Error(result.message)
  }
  return result
}

function checkExact(input: AssignInput, result: ReturnType<typeof ok>) {
  const byEntry = new Map<string, string[]>()
  for (const a of result.assignments) {
    byEntry.set(String(a.entryId), [
      ...(byEntry.get(String(a.entryId)) ?? []),
      String(a.reviewerId),
    ])
  }
  for (const entry of input.entries) {
    const got = byEntry.get(String(entry.id)) ?? []
    expect(got).toHaveLength(input.k)
    expect(new Set(got).size).toBe(input.k)
    for (const r of got) {
      expect(entry.conflicts ?? []).not.toContain(r)
    }
  }
  const counted: Record<string, number> = {}
  for (const a of result.assignments) {
    counted[String(a.reviewerId)] = (counted[String(a.reviewerId)] ?? 0) + 1
  }
  for (const r of input.reviewers) {
    expect(result.loads[String(r.id)]).toBe(counted[String(r.id)] ?? 0)
  }
}

describe('assignReviewers on 200 entries × 20 reviewers, k = 3, random conflicts', () => {
  const input = randomCampaign(200, 20, 3, 7)
  const result = ok(assignReviewers(input))

  it('should give every entry exactly 3 distinct, non-conflicted reviewers', () => {
    expect(result.assignments).toHaveLength(600)
    checkExact(input, result)
  })

  it('should keep loads within 1 of each other (600 / 20 = 30 each)', () => {
    const loads = Object.values(result.loads)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
    expect(loads.every((l) => l === 30)).toBe(true)
  })

  it('should return a deep-equal result for the same seed, and may differ for another', () => {
    expect(assignReviewers(randomCampaign(200, 20, 3, 7))).toEqual(result)
    const other = ok(assignReviewers({ ...input, seed: 43 }))
    checkExact(input, other)
    expect(other.assignments).not.toEqual(result.assignments)
  })

  it('should not depend on the order of keys or a string vs number seed being hashed', () => {
    const text = ok(assignReviewers({ ...input, seed: 'campaign-2026' }))
    expect(assignReviewers({ ...input, seed: 'campaign-2026' })).toEqual(text)
    checkExact(input, text)
  })

  it('should balance 201 entries as 603 = 20·30 + 3: loads 30 or 31', () => {
    const bigger = randomCampaign(201, 20, 3, 11)
    const loads = Object.values(ok(assignReviewers(bigger)).loads)
    expect(loads.filter((l) => l === 31)).toHaveLength(3)
    expect(loads.filter((l) => l === 30)).toHaveLength(17)
  })
})

describe('assignReviewers balances through alternating paths', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('should load A and B once each, seed %i', (seed) => {
    // e2 can only have A; whichever of e1 or e2 goes first, e1 must end with B.
    const result = ok(
      assignReviewers({
        k: 1,
        seed,
        reviewers: [{ id: 'A' }, { id: 'B' }],
        entries: [{ id: 'e1' }, { id: 'e2', conflicts: ['B'] }],
      }),
    )
    expect(result.assignments).toEqual([
      { entryId: 'e1', reviewerId: 'B' },
      { entryId: 'e2', reviewerId: 'A' },
    ])
    expect(result.loads).toEqual({ A: 1, B: 1 })
  })

  it('should reach the lowest possible largest load when conflicts force imbalance', () => {
    // r0 is the only reviewer for e0..e4 (k = 1); the other 10 entries can take anyone.
    const entries = Array.from({ length: 15 }, (_, i) => ({
      id: i,
      conflicts: i < 5 ? [1, 2, 3] : [],
    }))
    const result = ok(
      assignReviewers({ k: 1, seed: 5, entries, reviewers: [0, 1, 2, 3].map((id) => ({ id })) }),
    )
    // r0 must take 5; the other 10 spread over r1..r3 as 4/3/3 (or r0 takes none of them).
    expect(result.loads['0']).toBe(5)
    expect(
      [result.loads['1'], result.loads['2'], result.loads['3']].sort((a, b) => a! - b!),
    ).toEqual([3, 3, 4])
  })
})

describe('assignReviewers with capacities and existing assignments', () => {
  it('should never exceed a capacity and fill the rest evenly', () => {
    const reviewers = Array.from({ length: 10 }, (_, i) => ({
      id: `r${i}`,
      capacity: i < 5 ? 2 : 12,
    }))
    const entries = Array.from({ length: 30 }, (_, i) => ({ id: `e${i}` }))
    const input = { k: 2, seed: 1, reviewers, entries }
    const result = ok(assignReviewers(input))
    checkExact(input, result)
    for (const r of reviewers) {
      expect(result.loads[r.id]).toBeLessThanOrEqual(r.capacity)
    }
    // 60 units: the five small reviewers full (10), the five large at 10 each.
    expect(reviewers.slice(5).map((r) => result.loads[r.id])).toEqual([10, 10, 10, 10, 10])
  })

  it('should keep existing assignments, count them toward k and loads, and add only the rest', () => {
    const input: AssignInput = {
      k: 2,
      seed: 3,
      reviewers: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      entries: [{ id: 1 }, { id: 2 }, { id: 3 }],
      existing: [
        { entryId: 1, reviewerId: 'a' },
        { entryId: 1, reviewerId: 'b' },
        { entryId: 2, reviewerId: 'a' },
      ],
    }
    const result = ok(assignReviewers(input))
    checkExact(input, result)
    expect(result.assignments).toEqual(
      expect.arrayContaining([
        { entryId: 1, reviewerId: 'a' },
        { entryId: 1, reviewerId: 'b' },
        { entryId: 2, reviewerId: 'a' },
      ]),
    )
    expect(result.added).toHaveLength(3)
    expect(result.added.some((a) => a.entryId === 1)).toBe(false)
    expect(result.loads).toEqual({ a: 2, b: 2, c: 2 })
  })
})

describe('assignReviewers fails as a whole', () => {
  it('should list an entry with fewer than k non-conflicted reviewers, and assign nothing', () => {
    const input = randomCampaign(200, 20, 3, 7)
    const entries = [...input.entries]
    entries[57] = { id: 'e57', conflicts: input.reviewers.slice(2).map((r) => r.id) }
    const result = assignReviewers({ ...input, entries })
    expect(result.ok).toBe(false)
    if (result.ok) {
      return
    }
    expect(result.infeasible).toEqual([
      {
        entryId: 'e57',
        reason: 'tooFewReviewers',
        message: '还需 3 位评审专家，无回避冲突的只有 2 位',
      },
    ])
    expect(result.message).toBe(
      '自动分配失败：1 件作品无法恰好分配 3 位评审专家（无回避冲突的评审专家不足 1 件），本次未写入任何分配。',
    )
    expect(result).not.toHaveProperty('assignments')
  })

  it('should fail when total capacity is short, listing the entries left without k', () => {
    const result = assignReviewers({
      k: 2,
      seed: 9,
      reviewers: [1, 2, 3, 4].map((id) => ({ id, capacity: 4 })),
      entries: Array.from({ length: 10 }, (_, i) => ({ id: `e${i}` })),
    })
    expect(result.ok).toBe(false)
    if (result.ok) {
      return
    }
    // 16 places for 20: at least two entries short, each named, all for capacity.
    expect(result.infeasible.length).toBeGreaterThanOrEqual(2)
    expect(result.infeasible.every((p) => p.reason === 'capacityShort')).toBe(true)
  })

  it('should fail when capacity is short only for a conflicted group (a Hall violator)', () => {
    // e0..e2 may only have r0 or r1, capacity 1 each: one of them cannot get a reviewer.
    const result = assignReviewers({
      k: 1,
      seed: 2,
      reviewers: [{ id: 'r0', capacity: 1 }, { id: 'r1', capacity: 1 }, { id: 'r2' }],
      entries: [
        { id: 'e0', conflicts: ['r2'] },
        { id: 'e1', conflicts: ['r2'] },
        { id: 'e2', conflicts: ['r2'] },
        { id: 'e3' },
      ],
    })
    expect(result.ok).toBe(false)
    if (result.ok) {
      return
    }
    expect(result.infeasible).toHaveLength(1)
    expect(result.infeasible[0]!.reason).toBe('capacityShort')
    expect(['e0', 'e1', 'e2']).toContain(result.infeasible[0]!.entryId)
  })

  it('should refuse a conflicted existing assignment and more existing ones than k', () => {
    const result = assignReviewers({
      k: 1,
      seed: 0,
      reviewers: [{ id: 'a' }, { id: 'b' }],
      entries: [{ id: 'x', conflicts: ['a'] }, { id: 'y' }],
      existing: [
        { entryId: 'x', reviewerId: 'a' },
        { entryId: 'y', reviewerId: 'a' },
        { entryId: 'y', reviewerId: 'b' },
      ],
    })
    expect(result.ok).toBe(false)
    if (result.ok) {
      return
    }
    expect(result.infeasible.map((p) => [p.entryId, p.reason])).toEqual([
      ['x', 'conflictedExisting'],
      ['y', 'tooManyExisting'],
    ])
  })

  it('should throw on malformed input rather than guess', () => {
    expect(() => assignReviewers({ k: 0, seed: 1, entries: [], reviewers: [] })).toThrow(RangeError)
    expect(() =>
      assignReviewers({ k: 1, seed: 1, entries: [{ id: 1 }, { id: 1 }], reviewers: [{ id: 2 }] }),
    ).toThrow(/duplicate entry/)
  })
})
