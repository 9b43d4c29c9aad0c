import type { Label, Locale } from '../label'
import { NORMALIZATION_LABELS, type NormalizationMethod } from '../review/normalize'

type Id = string | number

/**
 * How a track's results are ranked, published on the campaign page before
 * voting opens: the expert share (the public share is the rest), how votes
 * become a 0–100 score, and what breaks a tie. Seed 001 combines experts
 * with the public like-ranking; seed 004 ranks by experts alone.
 */
export interface ResultFormula {
  /** Integer percent of the total that comes from the experts' normalized score, 0–100. */
  expertShare: number
  voteScale: VoteScale
  tieRule: TieRule
}

export const VOTE_SCALE_LABELS = {
  max: { zh: '票数 ÷ 本类别最高票数 × 100', en: 'votes ÷ the track’s highest votes × 100' },
  rank: {
    zh: '按票数名次折算为百分位（最高 100，最低 0，同票取平均）',
    en: 'percentile of the vote rank (highest 100, lowest 0, equal votes share the mean)',
  },
} as const satisfies Record<string, Label>

export type VoteScale = keyof typeof VOTE_SCALE_LABELS

export const VOTE_SCALES = Object.keys(VOTE_SCALE_LABELS) as VoteScale[]

export const TIE_RULE_LABELS = {
  expert: {
    zh: '总分相同时，专家评分高者在前；再相同时票数多者在前；再相同时作品编号靠前（报送在先）者在前',
    en: 'equal totals: the higher expert score first, then more votes, then the lower entry number (made first)',
  },
  votes: {
    zh: '总分相同时，票数多者在前；再相同时专家评分高者在前；再相同时作品编号靠前（报送在先）者在前',
    en: 'equal totals: more votes first, then the higher expert score, then the lower entry number (made first)',
  },
  exclude: {
    zh: '总分相同视为并列；并列作品超出名额时均不占该奖项名额（名额空缺）',
    en: 'equal totals tie; tied entries that would exceed a quota all stay out of that tier (a vacancy)',
  },
} as const satisfies Record<string, Label>

export type TieRule = keyof typeof TIE_RULE_LABELS

export const TIE_RULES = Object.keys(TIE_RULE_LABELS) as TieRule[]

/** Seed 001's mix: experts weigh more than the like-ranking. */
export const DEFAULT_RESULT_FORMULA: ResultFormula = {
  expertShare: 70,
  voteScale: 'max',
  tieRule: 'expert',
}

/** One entry as the ranking sees it. */
export interface ResultCandidate {
  entryId: Id
  /** The entry number (given in the order entries were made): the last tie break. */
  number: string
  /** Mean of its normalized review scores (0–100), or null without a submitted review. */
  expert: number | null
  reviews: number
  votes: number
  /** Revoked after an upheld objection: never holds an award. */
  revoked?: boolean
}

export interface RankedRow {
  entryId: Id
  number: string
  reviews: number
  votes: number
  /** Rounded to 4 decimals, as published and exported; the total is computed from these. */
  expert: number | null
  voteScore: number
  total: number | null
  /** Rank among eligible entries; only the exclude rule lets two share one (1, 2, 2, 4). Null when not ranked. */
  rank: number | null
  /** Why an entry has no rank: no expert score where the formula needs one, or revoked. */
  unranked?: 'unreviewed' | 'revoked'
  revoked: boolean
}

export const FORMULA_DECIMALS = 4

/** Rounds half away from zero at 4 decimals, the precision every published score has. */
export function roundScore(value: number): number {
  const f = 10 ** FORMULA_DECIMALS
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f
}

export function checkFormula(formula: ResultFormula): string | null {
  if (
    !Number.isInteger(formula.expertShare) ||
    formula.expertShare < 0 ||
    formula.expertShare > 100
  ) {
    return '专家评分占比须为 0 到 100 之间的整数'
  }
  if (!VOTE_SCALES.includes(formula.voteScale)) {
    return `票数折算方式须为 ${VOTE_SCALES.join('、')} 之一`
  }
  if (!TIE_RULES.includes(formula.tieRule)) {
    return `同分规则须为 ${TIE_RULES.join('、')} 之一`
  }
  return null
}

/** Votes as 0–100 for each candidate, by the formula's scale, over the candidates given. */
export function voteScores(votes: readonly number[], scale: VoteScale): number[] {
  if (scale === 'max') {
    const max = Math.max(0, ...votes)
    return votes.map((v) => (max === 0 ? 0 : roundScore((v / max) * 100)))
  }
  const n = votes.length
  if (n <= 1) {
    return votes.map(() => 100)
  }
  return votes.map((v) => {
    const below = votes.filter((o) => o < v).length
    const equal = votes.filter((o) => o === v).length - 1
    return roundScore(((below + equal / 2) / (n - 1)) * 100)
  })
}

/** The total from the published, rounded components: share × expert + (100 − share) × votes, ÷ 100. */
export function totalScore(
  expert: number | null,
  voteScore: number,
  expertShare: number,
): number | null {
  if (expertShare > 0 && expert === null) {
    return null
  }
  return roundScore(((expert ?? 0) * expertShare + voteScore * (100 - expertShare)) / 100)
}

/** The keys compared, in order, after the total (the entry number comes last, under the breaking rules). */
function tieKeys(rule: TieRule): ((r: RankedRow) => number)[] {
  const expert = (r: RankedRow) => r.expert ?? -1
  const votes = (r: RankedRow) => r.votes
  if (rule === 'expert') {
    return [expert, votes]
  }
  if (rule === 'votes') {
    return [votes, expert]
  }
  return []
}

function compareBy(keys: ((r: RankedRow) => number)[], a: RankedRow, b: RankedRow): number {
  for (const key of keys) {
    const d = key(b) - key(a)
    if (d !== 0) {
      return d
    }
  }
  return 0
}

/**
 * One track's ranking: every candidate scored by the formula, eligible ones
 * ranked under the tie rule (under `exclude`, equal totals share a rank),
 * then the unranked. A revoked entry either leaves the
 * ranking, so the next moves up (`promoteNext`), or keeps its rank and
 * place, marked revoked, so its place stays empty. Votes are scaled over
 * the entries that are ranked.
 */
export function rankTrack(
  candidates: readonly ResultCandidate[],
  formula: ResultFormula,
  { promoteNext = true }: { promoteNext?: boolean } = {},
): RankedRow[] {
  const drops = (c: ResultCandidate) => c.revoked === true && promoteNext
  const counted = candidates.filter((c) => !drops(c))
  const scaled = voteScores(
    counted.map((c) => c.votes),
    formula.voteScale,
  )
  const scoreOf = new Map(counted.map((c, i) => [c, scaled[i]!]))
  const rows: RankedRow[] = candidates.map((c) => {
    const expert = c.expert === null ? null : roundScore(c.expert)
    const voteScore = scoreOf.get(c) ?? 0
    const total = drops(c) ? null : totalScore(expert, voteScore, formula.expertShare)
    return {
      entryId: c.entryId,
      number: c.number,
      reviews: c.reviews,
      votes: c.votes,
      expert,
      voteScore,
      total,
      rank: null,
      revoked: c.revoked === true,
      ...(drops(c)
        ? { unranked: 'revoked' as const }
        : total === null
          ? { unranked: 'unreviewed' as const }
          : {}),
    }
  })
  const keys = [(r: RankedRow) => r.total ?? -1, ...tieKeys(formula.tieRule)]
  const eligible = rows.filter((r) => r.total !== null)
  eligible.sort((a, b) => compareBy(keys, a, b) || a.number.localeCompare(b.number))
  const shares = formula.tieRule === 'exclude'
  eligible.forEach((row, i) => {
    const before = eligible[i - 1]
    row.rank = shares && before && compareBy(keys, before, row) === 0 ? before.rank : i + 1
  })
  const rest = rows.filter((r) => r.total === null).sort((a, b) => a.number.localeCompare(b.number))
  return [...eligible, ...rest]
}

const share = (n: number) => `${n}%`

/** The formula in plain words, as the campaign page and the results page state it. */
export function describeFormula(
  formula: ResultFormula,
  normalization: NormalizationMethod,
  locale: Locale = 'zh',
): string[] {
  const publicShare = 100 - formula.expertShare
  const norm = NORMALIZATION_LABELS[normalization][locale]
  if (locale === 'en') {
    return [
      formula.expertShare === 100
        ? 'Total = the experts’ score (public votes do not count).'
        : formula.expertShare === 0
          ? 'Total = the public-vote score (no expert score).'
          : `Total = experts ${share(formula.expertShare)} + public votes ${share(publicShare)}.`,
      ...(formula.expertShare > 0
        ? [`Expert score: the mean of the entry’s reviews, normalized by ${norm}, on 0–100.`]
        : []),
      ...(publicShare > 0 ? [`Vote score: ${VOTE_SCALE_LABELS[formula.voteScale].en}.`] : []),
      `Ties: ${TIE_RULE_LABELS[formula.tieRule].en}.`,
      'Scores are rounded to 4 decimals before they are added.',
    ]
  }
  return [
    formula.expertShare === 100
      ? '总分 = 专家评分（公众投票不计入总分）。'
      : formula.expertShare === 0
        ? '总分 = 公众投票得分（不计专家评分）。'
        : `总分 = 专家评分 × ${share(formula.expertShare)} + 公众投票得分 × ${share(publicShare)}。`,
    ...(formula.expertShare > 0
      ? [`专家评分：该作品各位评审专家评分的平均值，${norm}，满分 100。`]
      : []),
    ...(publicShare > 0 ? [`公众投票得分：${VOTE_SCALE_LABELS[formula.voteScale].zh}。`] : []),
    `同分规则：${TIE_RULE_LABELS[formula.tieRule].zh}。`,
    '各项得分保留 4 位小数后相加。',
  ]
}
