import type { Label } from '../label'

type Id = string | number

/** How reviewers' totals are made comparable; chosen per campaign before review opens, then frozen. */
export const NORMALIZATION_LABELS = {
  none: { zh: '不做标准化（原始分）', en: 'None (raw totals)' },
  zscore: { zh: '按评审专家标准分（z 分数）', en: 'Z-score per reviewer' },
  rank: { zh: '按评审专家百分位排名', en: 'Percentile rank per reviewer' },
} as const satisfies Record<string, Label>

export type NormalizationMethod = keyof typeof NORMALIZATION_LABELS

export const NORMALIZATION_METHODS = Object.keys(NORMALIZATION_LABELS) as NormalizationMethod[]

/** Below this many reviews a reviewer's mean and σ say too little: their totals stay raw. */
export const ZSCORE_MIN_REVIEWS = 5

/** Raw totals of one entry further apart than this flag it for the editor. */
export const DISAGREEMENT_SPREAD = 30

/** A review whose total lies further than this many of its reviewer's σ from their mean flags its entry. */
export const DISAGREEMENT_Z = 2

export interface SubmittedReview {
  entryId: Id
  reviewerId: Id
  /** The rubric's weighted total, 0–100. */
  total: number
}

export interface NormalizedReview extends SubmittedReview {
  /** The comparable score, 0–100. */
  normalized: number
  /** The reviewer's z-score for this review, when their reviews allow one (≥ 5, σ > 0); else null. */
  z: number | null
  /** What produced `normalized`: the method, or 'raw' where the method does not apply. */
  basis: 'raw' | 'zscore' | 'rank'
}

export interface NormalizedEntry {
  entryId: Id
  /** Mean of the entry's normalized scores. */
  mean: number
  /** Mean of its raw totals. */
  rawMean: number
  reviews: number
}

export interface Normalization {
  method: NormalizationMethod
  reviews: NormalizedReview[]
  /** One per entry, in the order entries first appear in the reviews. */
  entries: NormalizedEntry[]
}

const clamp = (v: number) => Math.min(100, Math.max(0, v))
const key = (id: Id) => String(id)

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = keyOf(item)
    const group = groups.get(k)
    if (group) {
      group.push(item)
    } else {
      groups.set(k, [item])
    }
  }
  return groups
}

function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}

/** Population σ: the reviewer's reviews are all of their reviews, not a sample of them. */
function sigmaOf(values: readonly number[], mean: number): number {
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length)
}

/** Each review's z against its reviewer's own totals, or null (fewer than 5 reviews, or σ = 0). */
export function reviewerZScores(reviews: readonly SubmittedReview[]): (number | null)[] {
  const z: (number | null)[] = reviews.map(() => null)
  const indices = reviews.map((_, i) => i)
  for (const group of groupBy(indices, (i) => key(reviews[i]!.reviewerId)).values()) {
    if (group.length < ZSCORE_MIN_REVIEWS) {
      continue
    }
    const totals = group.map((i) => reviews[i]!.total)
    const mean = meanOf(totals)
    const sigma = sigmaOf(totals, mean)
    if (sigma === 0) {
      continue
    }
    for (const i of group) {
      z[i] = (reviews[i]!.total - mean) / sigma
    }
  }
  return z
}

/**
 * Makes reviewers' totals comparable and averages them per entry.
 *
 * - `none`: the raw total.
 * - `zscore`: z = (total − reviewer's mean) / reviewer's population σ, for
 *   reviewers with ≥ 5 reviews and σ > 0; the others keep their raw totals.
 *   z is rescaled as `clamp(M + S·z, 0, 100)`, where M and S are the mean and
 *   population σ of the raw totals of all z-scored reviews together. So the
 *   z-scored reviews keep, as a whole, the location and spread raw totals had,
 *   and stay on the same scale as the raw totals of reviewers with few
 *   reviews (a fixed 50 + k·z would put those two groups on different scales).
 * - `rank`: per reviewer, the percentile rank (B + E/2) / n × 100, where B is
 *   the number of the reviewer's totals below this one, E the number equal to
 *   it (itself included), n their number of reviews: ties share the average,
 *   a reviewer's single review is 50.
 */
export function normalizeScores(
  reviews: readonly SubmittedReview[],
  method: NormalizationMethod,
): Normalization {
  const z = reviewerZScores(reviews)
  const normalized: NormalizedReview[] = reviews.map((r, i) => ({
    ...r,
    normalized: r.total,
    z: z[i]!,
    basis: 'raw',
  }))
  if (method === 'zscore') {
    const scored = normalized.filter((r) => r.z !== null)
    if (scored.length > 0) {
      const totals = scored.map((r) => r.total)
      const m = meanOf(totals)
      const s = sigmaOf(totals, m)
      for (const r of scored) {
        r.normalized = clamp(m + s * r.z!)
        r.basis = 'zscore'
      }
    }
  } else if (method === 'rank') {
    for (const group of groupBy(normalized, (r) => key(r.reviewerId)).values()) {
      for (const r of group) {
        const below = group.filter((o) => o.total < r.total).length
        const equal = group.filter((o) => o.total === r.total).length
        r.normalized = ((below + equal / 2) / group.length) * 100
        r.basis = 'rank'
      }
    }
  }
  const entries = [...groupBy(normalized, (r) => key(r.entryId)).values()].map((group) => ({
    entryId: group[0]!.entryId,
    mean: meanOf(group.map((r) => r.normalized)),
    rawMean: meanOf(group.map((r) => r.total)),
    reviews: group.length,
  }))
  return { method, reviews: normalized, entries }
}

export type DisagreementReason = 'spread' | 'outlier'

export const DISAGREEMENT_LABELS = {
  spread: {
    zh: `评审专家的原始分相差超过 ${DISAGREEMENT_SPREAD} 分`,
    en: `Reviewers' raw totals differ by more than ${DISAGREEMENT_SPREAD} points`,
  },
  outlier: {
    zh: `有评审分偏离该专家平均分超过 ${DISAGREEMENT_Z} 个标准差`,
    en: `A total lies more than ${DISAGREEMENT_Z} σ from its reviewer's mean`,
  },
} as const satisfies Record<DisagreementReason, Label>

export interface DisagreementFlag {
  entryId: Id
  reasons: DisagreementReason[]
  /** Highest raw total minus lowest. */
  spread: number
  /** The largest |z| among the entry's reviews, or null when none has a z. */
  maxAbsZ: number | null
}

/**
 * Entries the editor should look at: reviewers' raw totals more than 30
 * points apart, or any review more than 2 σ from its reviewer's own mean
 * (whatever normalization the campaign uses). In first-appearance order.
 */
export function disagreementFlags(reviews: readonly SubmittedReview[]): DisagreementFlag[] {
  const z = reviewerZScores(reviews)
  const indices = reviews.map((_, i) => i)
  const flags: DisagreementFlag[] = []
  for (const group of groupBy(indices, (i) => key(reviews[i]!.entryId)).values()) {
    const totals = group.map((i) => reviews[i]!.total)
    const spread = Math.max(...totals) - Math.min(...totals)
    const zs = group.map((i) => z[i]).filter((v): v is number => v !== null)
    const maxAbsZ = zs.length > 0 ? Math.max(...zs.map(Math.abs)) : null
    const reasons: DisagreementReason[] = []
    if (spread > DISAGREEMENT_SPREAD) {
      reasons.push('spread')
    }
    if (maxAbsZ !== null && maxAbsZ > DISAGREEMENT_Z) {
      reasons.push('outlier')
    }
    if (reasons.length > 0) {
      flags.push({ entryId: reviews[group[0]!]!.entryId, reasons, spread, maxAbsZ })
    }
  }
  return flags
}
