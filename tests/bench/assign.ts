/**
 * `npm run bench -- assign`: automatic reviewer assignment (`assignReviewers`
 * from @exemplar/domain) on 1,000 entries × 50 reviewers, k = 3, with seeded
 * random conflicts (about one pair in ten, some entries conflicted with a
 * third of the pool, as one province's entries are) and a capacity ceiling
 * of 50 (below the even 60) on a fifth of the reviewers. Pure computation, no server.
 *
 *  ms      — the first run in a fresh process (cold JIT), the number the
 *            goal is about; warm_ms is the median of 5 further runs.
 *  spread  — largest minus smallest load among the uncapped reviewers.
 *
 * Every run is checked (exactly k distinct, no conflicted pair, capacities
 * kept, same result for the same seed) before its time is reported.
 *
 * Goal: ms ≤ 5000.
 */
import { performance } from 'node:perf_hooks'

import { type AssignInput, assignReviewers } from '@exemplar/domain'

const ENTRIES = 1_000
const REVIEWERS = 50
const K = 3

function lcg(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

function campaign(): AssignInput {
  const rnd = lcg(2026)
  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => ({
    id: `r${i}`,
    capacity: i % 5 === 0 ? 50 : undefined,
  }))
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({
    id: `e${i}`,
    conflicts: reviewers.filter(() => rnd() < (i % 10 === 0 ? 0.33 : 0.1)).map((r) => r.id),
  }))
  return { entries, reviewers, k: K, seed: 'bench' }
}

function check(input: AssignInput, result: ReturnType<typeof assignReviewers>): number {
  if (!result.ok) {
    throw new Error(result.message)
  }
  const perEntry = new Map<string, Set<string>>()
  for (const a of result.assignments) {
    const set = perEntry.get(String(a.entryId)) ?? new Set()
    set.add(String(a.reviewerId))
    perEntry.set(String(a.entryId), set)
  }
  for (const entry of input.entries) {
    const got = perEntry.get(String(entry.id))
    if (!got || got.size !== K || (entry.conflicts ?? []).some((r) => got.has(String(r)))) {
      throw new Error(`entry ${entry.id}: wrong reviewers`)
    }
  }
  const free: number[] = []
  for (const r of input.reviewers) {
    const load = result.loads[String(r.id)]!
    if (r.capacity != null && load > r.capacity) {
      throw new Error(`reviewer ${r.id} over capacity`)
    }
    if (r.capacity == null) {
      free.push(load)
    }
  }
  return Math.max(...free) - Math.min(...free)
}

export async function benchAssign(): Promise<void> {
  const input = campaign()
  let started = performance.now()
  const first = assignReviewers(input)
  const ms = Math.round(performance.now() - started)
  const spread = check(input, first)
  const warm: number[] = []
  for (let i = 0; i < 5; i++) {
    started = performance.now()
    const again = assignReviewers(input)
    warm.push(performance.now() - started)
    if (JSON.stringify(again) !== JSON.stringify(first)) {
      throw new Error('same seed, different result')
    }
  }
  const warmMs = Math.round(warm.sort((a, b) => a - b)[2]!)
  const loads = first.ok ? Object.values(first.loads) : []
  console.table([
    {
      entries: ENTRIES,
      reviewers: REVIEWERS,
      k: K,
      cold_ms: ms,
      warm_ms: warmMs,
      min_load: Math.min(...loads),
      max_load: Math.max(...loads),
      uncapped_spread: spread,
    },
  ])
  console.info(`BENCH assign entries=${ENTRIES} reviewers=${REVIEWERS} k=${K} ms=${ms}`)
  await Promise.resolve()
}
