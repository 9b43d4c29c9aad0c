import type { Label } from '../label'
import type { RankedRow } from './formula'

type Id = string | number

/**
 * An award tier of a track, best first (最佳 / 优秀 / 入围): at most a share of
 * the track's entries, rounded down (seed 001: excellent ≤ 20 % of all
 * entries), or a fixed count (seed 004: 50 cases; 30 / 30 / 20).
 */
export interface AwardTier {
  /** Stable key, e.g. `excellent`; certificates and results name the tier by it. */
  key: string
  name: string
  nameEn?: string
  kind: QuotaKind
  /** Percent for a share, a number of entries for a count. */
  value: number
}

export const QUOTA_KIND_LABELS = {
  share: {
    zh: '按比例（不超过参评作品数的百分比，向下取整）',
    en: 'Share of entries (rounded down)',
  },
  count: { zh: '按数量', en: 'Fixed count' },
} as const satisfies Record<string, Label>

export type QuotaKind = keyof typeof QUOTA_KIND_LABELS

export const QUOTA_KINDS = Object.keys(QUOTA_KIND_LABELS) as QuotaKind[]

export const TIER_KEY_PATTERN = /^[a-z][a-zA-Z0-9-]{0,31}$/

/** The most entries a tier may hold when the track has `base` entries. */
export function tierLimit(tier: AwardTier, base: number): number {
  if (tier.kind === 'share') {
    // Integer arithmetic: 20 % of 35 is 7 exactly, never 6.999….
    return Math.floor((base * Math.round(tier.value * 100)) / 10000)
  }
  return Math.max(0, Math.floor(tier.value))
}

export function checkTiers(tiers: readonly AwardTier[]): string | null {
  const seen = new Set<string>()
  for (const [i, tier] of tiers.entries()) {
    const at = `第 ${i + 1} 个奖项`
    if (!TIER_KEY_PATTERN.test(tier.key)) {
      return `${at}的标识须以小写字母开头，仅含字母、数字和连字符，不超过 32 个字符`
    }
    if (seen.has(tier.key)) {
      return `${at}的标识“${tier.key}”重复`
    }
    seen.add(tier.key)
    if (!tier.name.trim()) {
      return `${at}须填写名称`
    }
    if (tier.kind === 'share' && !(tier.value > 0 && tier.value <= 100)) {
      return `${at}（${tier.name}）按比例时须在 0 到 100 之间`
    }
    if (tier.kind === 'count' && !(Number.isInteger(tier.value) && tier.value >= 0)) {
      return `${at}（${tier.name}）按数量时须为非负整数`
    }
  }
  return null
}

export interface TierOutcome {
  key: string
  name: string
  nameEn?: string
  kind: QuotaKind
  value: number
  limit: number
  /** Entries holding the tier (revoked ones that keep their place included). */
  filled: number
  /** Places left empty: too few eligible entries, or a tie at the boundary that would exceed it. */
  shortfall: number
}

export interface TierAssignment {
  tiers: TierOutcome[]
  /** Entry id → tier key, for every entry that holds a tier. */
  tierOf: Map<string, string>
}

/**
 * Fills the tiers in order from a ranked track. Entries sharing a rank move
 * together: a tie that does not fit in what is left of a tier goes on to the
 * next tier whole, leaving the places it could not fill empty. So no quota
 * is ever exceeded and no tied entry is preferred to another.
 */
export function assignTiers(
  ranked: readonly RankedRow[],
  tiers: readonly AwardTier[],
  base: number,
): TierAssignment {
  const groups: RankedRow[][] = []
  for (const row of ranked) {
    if (row.rank === null) {
      continue
    }
    const last = groups.at(-1)
    if (last && last[0]!.rank === row.rank) {
      last.push(row)
    } else {
      groups.push([row])
    }
  }
  const tierOf = new Map<string, string>()
  const outcomes: TierOutcome[] = []
  let next = 0
  for (const tier of tiers) {
    const limit = tierLimit(tier, base)
    let filled = 0
    while (next < groups.length && filled + groups[next]!.length <= limit) {
      for (const row of groups[next]!) {
        tierOf.set(String(row.entryId), tier.key)
      }
      filled += groups[next]!.length
      next += 1
    }
    outcomes.push({
      key: tier.key,
      name: tier.name,
      ...(tier.nameEn ? { nameEn: tier.nameEn } : {}),
      kind: tier.kind,
      value: tier.value,
      limit,
      filled,
      shortfall: limit - filled,
    })
  }
  return { tiers: outcomes, tierOf }
}

/** `tierOf` for an id of any type. */
export function tierKeyOf(assignment: TierAssignment, entryId: Id): string | null {
  return assignment.tierOf.get(String(entryId)) ?? null
}

/** A tier's quota as the notices state it: 评选优秀价值案例50个 / 优秀作品不超过参评作品总数的20%. */
export function describeTier(tier: AwardTier, locale: 'zh' | 'en' = 'zh'): string {
  if (locale === 'en') {
    const name = tier.nameEn || tier.name
    return tier.kind === 'share'
      ? `${name}: at most ${tier.value}% of the track’s entries`
      : `${name}: ${tier.value} selected`
  }
  return tier.kind === 'share'
    ? `${tier.name}不超过本类别参评作品总数的${tier.value}%`
    : `评选${tier.name}${tier.value}个`
}
