/**
 * A track's scoring rubric: criteria with integer weights summing to 100,
 * each scored on 0..scaleMax, all required. The weighted total is on 0–100
 * whatever the scales, so totals compare across criteria and tracks.
 */
export interface RubricCriterion {
  key: string
  label: string
  /** A positive integer; a rubric's weights sum to 100. */
  weight: number
  /** Scores run from 0 to this (at least 1). */
  scaleMax: number
  description: string
}

export const RUBRIC_WEIGHT_SUM = 100

/** Seed 004's 选送标准 for its case track: five criteria, equal weights, 0–10 each. */
export const DEFAULT_CASE_RUBRIC: readonly RubricCriterion[] = [
  {
    key: 'authenticity',
    label: '真实性',
    weight: 20,
    scaleMax: 10,
    description: '案例来自医共体建设的真实实践，无虚构和杜撰。',
  },
  {
    key: 'innovation',
    label: '创新性',
    weight: 20,
    scaleMax: 10,
    description: '针对医共体建设的顶层设计、重点和难点问题，方法有创新，工作有创造。',
  },
  {
    key: 'effectiveness',
    label: '实效性',
    weight: 20,
    scaleMax: 10,
    description: '对当地医共体建设的全面进步有明显推进作用，得到上级和群众认同。',
  },
  {
    key: 'typicality',
    label: '典型性',
    weight: 20,
    scaleMax: 10,
    description: '具有代表性，对其他地区、单位有借鉴意义和应用价值。',
  },
  {
    key: 'transformation',
    label: '变革性',
    weight: 20,
    scaleMax: 10,
    description: '案例带来变革的程度。',
  },
]

/** Everything wrong with a rubric, in Chinese; empty when it is usable. */
export function validateRubric(criteria: readonly RubricCriterion[]): string[] {
  const problems: string[] = []
  if (criteria.length === 0) {
    return ['评分细则至少需要一项评分标准']
  }
  const seen = new Set<string>()
  let sum = 0
  for (const c of criteria) {
    const name = c.label || c.key
    if (!c.key.trim()) {
      problems.push(`评分标准“${name}”缺少标识`)
    } else if (seen.has(c.key)) {
      problems.push(`评分标准标识“${c.key}”重复`)
    }
    seen.add(c.key)
    if (!c.label.trim()) {
      problems.push(`评分标准“${c.key}”缺少名称`)
    }
    if (!Number.isInteger(c.weight) || c.weight <= 0) {
      problems.push(`评分标准“${name}”的权重须为正整数，现为 ${c.weight}`)
    }
    if (!Number.isFinite(c.scaleMax) || c.scaleMax < 1) {
      problems.push(`评分标准“${name}”的满分须不小于 1，现为 ${c.scaleMax}`)
    }
    sum += Number.isFinite(c.weight) ? c.weight : 0
  }
  if (sum !== RUBRIC_WEIGHT_SUM) {
    problems.push(`各项权重之和须为 ${RUBRIC_WEIGHT_SUM}，现为 ${sum}`)
  }
  return problems
}

export type WeightedTotal =
  { ok: true; total: number } | { ok: false; criterion: string; message: string }

/**
 * Σ wᵢ·(sᵢ/scaleMaxᵢ·100) / Σ wᵢ, on 0–100, rounded to 0.01. Every
 * criterion needs a finite score within 0..scaleMax; the first missing or
 * out-of-range one is refused by name (a partial total would rank an
 * unfinished review).
 */
export function weightedTotal(
  criteria: readonly RubricCriterion[],
  scores: Readonly<Record<string, number | null | undefined>>,
): WeightedTotal {
  let weighted = 0
  let weights = 0
  for (const c of criteria) {
    const s = scores[c.key]
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      return { ok: false, criterion: c.key, message: `请为“${c.label}”打分` }
    }
    if (s < 0 || s > c.scaleMax) {
      return {
        ok: false,
        criterion: c.key,
        message: `“${c.label}”的得分须在 0 到 ${c.scaleMax} 之间，现为 ${s}`,
      }
    }
    // Multiply before dividing: 20·7·100/10 is exact where 7/10·100 is not.
    weighted += (c.weight * s * 100) / c.scaleMax
    weights += c.weight
  }
  if (weights <= 0) {
    return { ok: false, criterion: '', message: '评分细则没有可计分的评分标准' }
  }
  return { ok: true, total: Math.round((weighted / weights) * 100) / 100 }
}
