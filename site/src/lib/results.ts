/** What the results pages show, from a frozen result and the campaign's phases: pure, so tests need no CMS. */
import type { Campaign } from '@exemplar/cms/payload-types'
import {
  DEFAULT_RESULT_FORMULA,
  describeFormula,
  describeOrganizerRule,
  isOpen,
  type NormalizationMethod,
  type ResultFormula,
  type ResultRow,
  type TierOutcome,
  type TrackResults,
} from '@exemplar/domain'

import type { Locale } from '../i18n'

export type ResultsStage = 'pending' | 'publicity' | 'final'

type Phase = { kind: string; startsAt: string; endsAt: string }

const phasesOf = (campaign: Campaign): Phase[] =>
  (campaign.phases ?? []).filter((p): p is Phase & typeof p => Boolean(p?.startsAt && p?.endsAt))

/**
 * Where the results stand: 公示中 while a publicity phase is open; final
 * once publicity is over or the results phase has begun; before that, a
 * frozen result is shown as not yet in publicity.
 */
export function resultsStage(campaign: Campaign, now: Date = new Date()): ResultsStage {
  const phases = phasesOf(campaign)
  const publicity = phases.filter((p) => p.kind === 'publicity')
  if (publicity.some((p) => isOpen(p, now))) {
    return 'publicity'
  }
  const started = (p: Phase) => new Date(p.startsAt).getTime() <= now.getTime()
  const ended = (p: Phase) => new Date(p.endsAt).getTime() <= now.getTime()
  if (publicity.some(ended) || phases.some((p) => p.kind === 'results' && started(p))) {
    return 'final'
  }
  return 'pending'
}

/** Whether the campaign has reached publicity or results, so a results page is worth a link. */
export function hasResultsPhase(campaign: Campaign, now: Date = new Date()): boolean {
  return phasesOf(campaign).some(
    (p) =>
      (p.kind === 'publicity' || p.kind === 'results') &&
      new Date(p.startsAt).getTime() <= now.getTime(),
  )
}

/** The end of the open publicity phase, for 公示期至. */
export function publicityEnd(campaign: Campaign, now: Date = new Date()): string | undefined {
  return phasesOf(campaign).find((p) => p.kind === 'publicity' && isOpen(p, now))?.endsAt
}

/** The campaign's published formula, its settings or the defaults. */
export function formulaOf(
  campaign: Campaign,
): ResultFormula & { promoteNext: boolean; publicityDays: number } {
  const r = campaign.results ?? {}
  return {
    expertShare:
      typeof r.expertShare === 'number' ? r.expertShare : DEFAULT_RESULT_FORMULA.expertShare,
    voteScale: r.voteScale ?? DEFAULT_RESULT_FORMULA.voteScale,
    tieRule: r.tieRule ?? DEFAULT_RESULT_FORMULA.tieRule,
    promoteNext: r.promoteNext === true,
    publicityDays: typeof r.publicityDays === 'number' ? r.publicityDays : 7,
  }
}

/** The formula in plain words, in the campaign's own normalization, and the organizer rule when it has one. */
export function formulaLines(campaign: Campaign, locale: Locale): string[] {
  const normalization = (campaign.review?.normalization ?? 'none') as NormalizationMethod
  const o = campaign.results?.organizers
  const organizers =
    o?.enabled === true
      ? [
          describeOrganizerRule(
            { minEntries: o.minEntries ?? 1, minAwarded: o.minAwarded ?? 1, limit: o.limit ?? 10 },
            locale,
          ),
        ]
      : []
  return [...describeFormula(formulaOf(campaign), normalization, locale), ...organizers]
}

export interface TierView {
  tier: TierOutcome
  name: string
  rows: ResultRow[]
}

/** A track's tiers with the entries holding each, best first, in rank order. */
export function tierViews(track: TrackResults, locale: Locale): TierView[] {
  return track.tiers.map((tier) => ({
    tier,
    name: locale === 'en' && tier.nameEn ? tier.nameEn : tier.name,
    rows: track.rows.filter((r) => r.tier === tier.key),
  }))
}

/** How many of a track's entries hold no tier (revoked and unranked included). */
export function othersCount(track: TrackResults): number {
  return track.rows.filter((r) => r.tier === null).length
}

/** A score as published (4 decimals), trimmed of trailing zeros; empty when there is none. */
export function scoreText(value: number | null | undefined): string {
  return typeof value === 'number' ? String(Number(value.toFixed(4))) : '—'
}
