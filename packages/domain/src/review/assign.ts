import type { Label } from '../label'

import { mulberry32, seedOf, shuffledIndices } from './random'

type Id = string | number

export interface AssignEntry {
  id: Id
  /**
   * Reviewers who may not review this entry (from `conflictsOf` and
   * declarations); unknown ids are ignored. An admin's logged override is the
   * caller leaving that reviewer out of this list.
   */
  conflicts?: readonly Id[]
}

export interface AssignReviewer {
  id: Id
  /** The most entries this reviewer takes in the run, existing ones included; none = no ceiling. */
  capacity?: number | null
}

export interface Assignment {
  entryId: Id
  reviewerId: Id
}

export interface AssignInput {
  entries: readonly AssignEntry[]
  reviewers: readonly AssignReviewer[]
  /** Reviewers per entry, exactly. */
  k: number
  /** Same input and seed → the same assignments; another seed may break ties differently. */
  seed: number | string
  /** Assignments already made (manual or an earlier run): kept, and counted toward k and loads. */
  existing?: readonly Assignment[]
}

/** Why an entry cannot get exactly k reviewers. */
export const ASSIGNMENT_PROBLEM_LABELS = {
  tooFewReviewers: { zh: '无回避冲突的评审专家不足', en: 'Too few reviewers without a conflict' },
  capacityShort: { zh: '可分配的评审专家已满额', en: 'The reviewers it may have are full' },
  tooManyExisting: { zh: '已有分配超过每件作品的评审人数', en: 'More existing assignments than k' },
  conflictedExisting: { zh: '已有分配存在回避冲突', en: 'An existing assignment is conflicted' },
  reviewerOverCapacity: {
    zh: '已有分配超过评审专家的容量',
    en: 'Existing assignments exceed a reviewer’s capacity',
  },
} as const satisfies Record<string, Label>

export type AssignmentProblem = keyof typeof ASSIGNMENT_PROBLEM_LABELS

export interface InfeasibleEntry {
  entryId: Id
  reason: AssignmentProblem
  /** Chinese, naming the numbers involved. */
  message: string
}

export type AssignResult =
  | {
      ok: true
      /** Every assignment after the run, existing ones included, in the input's entry and reviewer order. */
      assignments: Assignment[]
      /** Only the assignments this run made. */
      added: Assignment[]
      /** Entries per reviewer after the run, existing ones included. */
      loads: Record<string, number>
    }
  | { ok: false; infeasible: InfeasibleEntry[]; message: string }

const NONE = 0
const NEW = 1
const KEPT = 2

/**
 * Gives every entry exactly k distinct reviewers, none conflicted, within
 * each reviewer's capacity, with the most even loads possible — or fails as
 * a whole, listing every entry that cannot be served; it never returns a
 * partial or "best effort" result.
 *
 * The method is an exact convex-cost flow (source → entry, demand k → reviewer,
 * one unit per non-conflicted pair → sink, capacity, cost of the j-th unit
 * 2j − 1, so the total cost is Σ load²): each missing unit is placed along an
 * alternating path to the least loaded reviewer reachable from its entry, then
 * a balancing pass moves work along alternating paths from any reviewer to one
 * with at least 2 fewer entries until none exists. That end state has no
 * negative cycle, so Σ load² is minimal, which also minimises the largest
 * load: with equal capacities the loads differ by at most 1 unless conflicts
 * force otherwise. A unit that finds no path proves (max-flow/min-cut) that no
 * complete assignment exists. Ties are broken by a seeded shuffle of the
 * reviewers and entries (mulberry32), never by Math.random or object order.
 */
export function assignReviewers(input: AssignInput): AssignResult {
  const { entries, reviewers, k } = input
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`k must be a positive integer, got ${k}`)
  }
  const N = entries.length
  const R = reviewers.length
  const entryIndex = indexById(entries, 'entry')
  const reviewerIndex = indexById(reviewers, 'reviewer')
  const random = mulberry32(seedOf(input.seed))
  const reviewerOrder = shuffledIndices(R, random)
  const entryOrder = shuffledIndices(N, random)
  const rank = new Int32Array(R)
  reviewerOrder.forEach((r, position) => (rank[r] = position))

  const cap = reviewers.map((r) =>
    r.capacity === null || r.capacity === undefined
      ? Infinity
      : Math.max(0, Math.floor(r.capacity)),
  )
  const state = new Uint8Array(N * R)
  const conflicted = new Uint8Array(N * R)
  entries.forEach((entry, e) => {
    for (const id of entry.conflicts ?? []) {
      const r = reviewerIndex.get(String(id))
      if (r !== undefined) {
        conflicted[e * R + r] = 1
      }
    }
  })
  const load = new Int32Array(R)
  const have = new Int32Array(N)
  for (const a of input.existing ?? []) {
    const e = entryIndex.get(String(a.entryId))
    const r = reviewerIndex.get(String(a.reviewerId))
    if (e === undefined || r === undefined) {
      throw new RangeError(`existing assignment ${a.entryId} → ${a.reviewerId} names no input`)
    }
    if (state[e * R + r] === NONE) {
      state[e * R + r] = KEPT
      load[r]!++
      have[e]!++
    }
  }

  const infeasible: InfeasibleEntry[] = []
  const blocked = new Uint8Array(N)
  const refuse = (e: number, reason: AssignmentProblem, message: string) => {
    if (!blocked[e]) {
      blocked[e] = 1
      infeasible.push({ entryId: entries[e]!.id, reason, message })
    }
  }
  // Reviewers in the seeded order, so every scan below breaks ties the same way.
  const eligible: number[][] = []
  for (let e = 0; e < N; e++) {
    const free: number[] = []
    for (const r of reviewerOrder) {
      const s = state[e * R + r]
      if (s === KEPT && conflicted[e * R + r]) {
        refuse(e, 'conflictedExisting', `已有的评审专家 ${reviewers[r]!.id} 与该作品存在回避冲突`)
      } else if (s === NONE && !conflicted[e * R + r]) {
        free.push(r)
      }
    }
    eligible.push(free)
    if (have[e]! > k) {
      refuse(e, 'tooManyExisting', `已有 ${have[e]} 位评审专家，多于每件 ${k} 位`)
    } else if (free.length < k - have[e]!) {
      refuse(
        e,
        'tooFewReviewers',
        `还需 ${k - have[e]!} 位评审专家，无回避冲突的只有 ${free.length} 位`,
      )
    }
  }
  for (let r = 0; r < R; r++) {
    if (load[r]! > cap[r]!) {
      for (let e = 0; e < N; e++) {
        if (state[e * R + r] === KEPT) {
          refuse(
            e,
            'reviewerOverCapacity',
            `评审专家 ${reviewers[r]!.id} 已有 ${load[r]} 件，超过其容量 ${cap[r]}`,
          )
        }
      }
    }
  }

  const flow = new Flow(R, state, eligible, load, cap, rank)
  for (const e of entryOrder) {
    if (blocked[e]) {
      continue
    }
    for (let need = k - have[e]!; need > 0; need--) {
      if (!flow.place(e)) {
        refuse(e, 'capacityShort', `还需 ${need} 位评审专家，但可分配给它的评审专家均已满额`)
        break
      }
    }
  }
  if (infeasible.length > 0) {
    const order = (id: Id) => entryIndex.get(String(id))!
    infeasible.sort((a, b) => order(a.entryId) - order(b.entryId))
    return { ok: false, infeasible, message: failureMessage(infeasible, k) }
  }
  flow.balance()

  const assignments: Assignment[] = []
  const added: Assignment[] = []
  for (let e = 0; e < N; e++) {
    for (let r = 0; r < R; r++) {
      const s = state[e * R + r]
      if (s !== NONE) {
        const pair = { entryId: entries[e]!.id, reviewerId: reviewers[r]!.id }
        assignments.push(pair)
        if (s === NEW) {
          added.push(pair)
        }
      }
    }
  }
  const loads: Record<string, number> = {}
  reviewers.forEach((r, i) => (loads[String(r.id)] = load[i]!))
  return { ok: true, assignments, added, loads }
}

function indexById(items: readonly { id: Id }[], what: string): Map<string, number> {
  const index = new Map<string, number>()
  items.forEach((item, i) => {
    const key = String(item.id)
    if (index.has(key)) {
      throw new RangeError(`duplicate ${what} id ${key}`)
    }
    index.set(key, i)
  })
  return index
}

function failureMessage(infeasible: InfeasibleEntry[], k: number): string {
  const counts = new Map<AssignmentProblem, number>()
  for (const item of infeasible) {
    counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1)
  }
  const parts = [...counts].map(([reason, n]) => `${ASSIGNMENT_PROBLEM_LABELS[reason].zh} ${n} 件`)
  return `自动分配失败：${infeasible.length} 件作品无法恰好分配 ${k} 位评审专家（${parts.join('；')}），本次未写入任何分配。`
}

/**
 * The residual graph of the assignment flow, kept implicitly: an entry
 * reaches a reviewer it is not assigned to (and not conflicted with); a
 * reviewer reaches the entries newly assigned to it (kept ones never move).
 */
class Flow {
  private readonly entriesOf: number[][]
  private readonly seenReviewer: Int32Array
  private readonly seenEntry: Int32Array
  private readonly viaEntry: Int32Array
  private readonly viaReviewer: Int32Array
  private stamp = 0

  constructor(
    private readonly R: number,
    private readonly state: Uint8Array,
    private readonly eligible: number[][],
    private readonly load: Int32Array,
    private readonly cap: number[],
    private readonly rank: Int32Array,
  ) {
    this.entriesOf = Array.from({ length: R }, () => [])
    this.seenReviewer = new Int32Array(R)
    this.viaEntry = new Int32Array(R)
    this.seenEntry = new Int32Array(eligible.length)
    this.viaReviewer = new Int32Array(eligible.length)
  }

  /** One more reviewer for entry `e`, through the least loaded reviewer it can reach; false when none has room. */
  place(e: number): boolean {
    const { load, cap, rank } = this
    let floor = Infinity
    for (let r = 0; r < this.R; r++) {
      if (load[r]! < cap[r]! && load[r]! < floor) {
        floor = load[r]!
      }
    }
    const mark = ++this.stamp
    this.seenEntry[e] = mark
    let frontier = [e]
    let best = -1
    while (frontier.length > 0) {
      const reached: number[] = []
      for (const x of frontier) {
        for (const r of this.eligible[x]!) {
          if (this.seenReviewer[r] !== mark && this.state[x * this.R + r] === NONE) {
            this.seenReviewer[r] = mark
            this.viaEntry[r] = x
            reached.push(r)
          }
        }
      }
      // The least loaded with room at this depth; a deeper one only if strictly less loaded.
      let nearest = -1
      for (const r of reached) {
        if (load[r]! < cap[r]! && (nearest < 0 || better(r, nearest, load, rank))) {
          nearest = r
        }
      }
      if (nearest >= 0 && (best < 0 || load[nearest]! < load[best]!)) {
        best = nearest
      }
      // Nobody with room has fewer entries than `floor`: no deeper path can do better.
      if (best >= 0 && load[best] === floor) {
        break
      }
      frontier = this.entriesBehind(reached, mark)
    }
    if (best < 0) {
      return false
    }
    let r = best
    for (;;) {
      const x = this.viaEntry[r]!
      this.set(x, r, NEW)
      if (x === e) {
        break
      }
      const previous = this.viaReviewer[x]!
      this.set(x, previous, NONE)
      r = previous
    }
    load[best]!++
    return true
  }

  /**
   * Moves work from any reviewer to one reachable with at least 2 fewer
   * entries (and room) until no such path is left; each move lowers Σ load²,
   * so it ends.
   */
  balance(): void {
    for (let moved = true; moved;) {
      moved = false
      const byLoad = Array.from({ length: this.R }, (_, r) => r).sort(
        (a, b) => this.load[b]! - this.load[a]! || this.rank[a]! - this.rank[b]!,
      )
      for (const r of byLoad) {
        if (this.shed(r)) {
          moved = true
          break
        }
      }
    }
  }

  private shed(from: number): boolean {
    const { load, cap, rank } = this
    const mark = ++this.stamp
    this.seenReviewer[from] = mark
    let reached = [from]
    let best = -1
    while (reached.length > 0 && best < 0) {
      const frontier = this.entriesBehind(reached, mark)
      reached = []
      for (const x of frontier) {
        for (const r of this.eligible[x]!) {
          if (this.seenReviewer[r] !== mark && this.state[x * this.R + r] === NONE) {
            this.seenReviewer[r] = mark
            this.viaEntry[r] = x
            reached.push(r)
            if (
              load[r]! <= load[from]! - 2 &&
              load[r]! < cap[r]! &&
              (best < 0 || better(r, best, load, rank))
            ) {
              best = r
            }
          }
        }
      }
    }
    if (best < 0) {
      return false
    }
    for (let r = best; r !== from;) {
      const x = this.viaEntry[r]!
      const previous = this.viaReviewer[x]!
      this.set(x, r, NEW)
      this.set(x, previous, NONE)
      r = previous
    }
    load[best]!++
    load[from]!--
    return true
  }

  /** The entries newly assigned to `reviewers`, not yet seen in this search. */
  private entriesBehind(reviewers: number[], mark: number): number[] {
    const next: number[] = []
    for (const r of reviewers) {
      for (const x of this.entriesOf[r]!) {
        if (this.seenEntry[x] !== mark) {
          this.seenEntry[x] = mark
          this.viaReviewer[x] = r
          next.push(x)
        }
      }
    }
    return next
  }

  private set(e: number, r: number, to: typeof NONE | typeof NEW): void {
    this.state[e * this.R + r] = to
    const list = this.entriesOf[r]!
    if (to === NEW) {
      list.push(e)
    } else {
      const at = list.indexOf(e)
      list[at] = list[list.length - 1]!
      list.pop()
    }
  }
}

function better(r: number, than: number, load: Int32Array, rank: Int32Array): boolean {
  return load[r]! < load[than]! || (load[r] === load[than] && rank[r]! < rank[than]!)
}
