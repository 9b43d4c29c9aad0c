import type { Locale } from '../label'

/**
 * 优秀组织机构 (seed 000): the institutions that brought the most awarded
 * works, by a rule published with the formula. Counted from the frozen
 * result itself, so the list is as reproducible as the ranks: an
 * institution's entries are its rows (every entry that passed screening),
 * its awarded ones those holding a tier and not revoked.
 */
export interface OrganizerRule {
  /** At least this many entries that passed screening. */
  minEntries: number
  /** At least this many awarded. */
  minAwarded: number
  /** At most this many institutions are named. */
  limit: number
}

export interface OrganizerRow {
  institution: string
  province: string
  entries: number
  awarded: number
  /** 1, 2, 2, 4 … among the eligible: equal counts share a rank. */
  rank: number
  /** Within the limit. A tie that does not fit goes out whole, as a tier's does. */
  selected: boolean
}

export interface OrganizerResults {
  rule: OrganizerRule
  /** Every eligible institution, best first; `selected` marks the ones the rule names. */
  candidates: OrganizerRow[]
}

export interface OrganizerInputRow {
  institution: string
  province: string
  tier: string | null
  revoked: boolean
}

export const ORGANIZER_RULE_MAX = { minEntries: 1000, minAwarded: 1000, limit: 500 } as const

export function checkOrganizerRule(rule: OrganizerRule): string | null {
  for (const [key, label] of [
    ['minEntries', '报送作品下限'],
    ['minAwarded', '入选作品下限'],
    ['limit', '名额'],
  ] as const) {
    const value = rule[key]
    const max = ORGANIZER_RULE_MAX[key]
    if (!Number.isInteger(value) || value < (key === 'limit' ? 1 : 0) || value > max) {
      return `优秀组织机构的${label}须为 ${key === 'limit' ? 1 : 0} 到 ${max} 之间的整数`
    }
  }
  return null
}

/** Equal counts rank alike; the order among them is by name, so it is the same everywhere. */
const better = (a: OrganizerRow, b: OrganizerRow) =>
  b.awarded - a.awarded ||
  b.entries - a.entries ||
  (a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0)

export function rankOrganizers(
  rows: readonly OrganizerInputRow[],
  rule: OrganizerRule,
): OrganizerResults {
  const by = new Map<string, OrganizerRow>()
  for (const row of rows) {
    const institution = row.institution.trim()
    if (!institution) {
      continue
    }
    const seen = by.get(institution) ?? {
      institution,
      province: row.province,
      entries: 0,
      awarded: 0,
      rank: 0,
      selected: false,
    }
    seen.entries += 1
    if (row.tier !== null && !row.revoked) {
      seen.awarded += 1
    }
    by.set(institution, seen)
  }
  const eligible = [...by.values()]
    .filter((o) => o.entries >= rule.minEntries && o.awarded >= Math.max(1, rule.minAwarded))
    .sort(better)
  let rank = 0
  eligible.forEach((o, i) => {
    const prev = eligible[i - 1]
    rank = prev && prev.awarded === o.awarded && prev.entries === o.entries ? rank : i + 1
    o.rank = rank
  })
  for (const o of eligible) {
    // Everyone sharing this rank fits, or none of them is named.
    const through = eligible.filter((x) => x.rank <= o.rank).length
    o.selected = through <= rule.limit
  }
  return { rule: { ...rule }, candidates: eligible }
}

/** The rule in plain words, published beside the formula. */
export function describeOrganizerRule(rule: OrganizerRule, locale: Locale = 'zh'): string {
  const awarded = Math.max(1, rule.minAwarded)
  if (locale === 'en') {
    return `Excellent organizing institutions: institutions with at least ${rule.minEntries} entries past screening and at least ${awarded} awarded, ranked by awarded entries and then by entries; at most ${rule.limit} are named (a tie that does not fit is left out whole), and the committee confirms them before certificates are issued.`
  }
  return `优秀组织机构：通过形式审查的报送作品不少于 ${rule.minEntries} 件、入选不少于 ${awarded} 件的报送机构，按入选件数、再按报送件数排序，至多 ${rule.limit} 家（名额边界处并列者一并不计入）；经组委会确认后颁发证书。`
}
