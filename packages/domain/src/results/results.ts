import type { NormalizationMethod } from '../review/normalize'
import { rankTrack, type RankedRow, type ResultCandidate, type ResultFormula } from './formula'
import { rankOrganizers, type OrganizerResults, type OrganizerRule } from './organizers'
import { assignTiers, type AwardTier, type TierOutcome } from './quotas'

type Id = string | number

/** What a result names about an entry besides its scores. */
export interface ResultEntryFacts {
  title: string
  institution: string
  province: string
  /** The entry version pinned at screening and its content hash: what was judged. */
  pinnedVersion: string | null
  pinnedSha256: string | null
  /** For a revoked entry: the reason class the committee gave (e.g. 公示期间查实弄虚作假). */
  revokedReason?: string
}

export type ResultEntry = ResultCandidate & ResultEntryFacts

export type ResultRow = RankedRow & ResultEntryFacts & { tier: string | null }

export interface TrackInput {
  key: string
  name: string
  tiers: readonly AwardTier[]
  entries: readonly ResultEntry[]
}

export interface ResultsInput {
  campaign: { id: Id; slug: string; title: string }
  normalization: NormalizationMethod
  formula: ResultFormula
  promoteNext: boolean
  tracks: readonly TrackInput[]
  /** When the campaign names excellent organizing institutions (seed 000). */
  organizerRule?: OrganizerRule | null
}

export interface TrackResults {
  key: string
  name: string
  /** Entries the shares are taken of: every entry of the track that passed screening. */
  base: number
  tiers: TierOutcome[]
  rows: ResultRow[]
}

/**
 * Everything a frozen result records, and nothing that changes when the
 * same result is frozen again (no instant, no sequence): its canonical JSON
 * is what the snapshot's SHA-256 is taken of.
 */
export interface ResultsBody {
  campaign: { id: string; slug: string; title: string }
  normalization: NormalizationMethod
  formula: ResultFormula
  promoteNext: boolean
  tracks: TrackResults[]
  /** Only when the campaign has an organizer rule, so a body without one hashes as before. */
  organizers?: OrganizerResults
}

/** Ranks every track by the formula and fills its tiers within their quotas. */
export function computeResults(input: ResultsInput): ResultsBody {
  const tracks = input.tracks.map((track): TrackResults => {
    const ranked = rankTrack(track.entries, input.formula, { promoteNext: input.promoteNext })
    const base = track.entries.length
    const assignment = assignTiers(ranked, track.tiers, base)
    const facts = new Map(track.entries.map((e) => [String(e.entryId), e]))
    const rows = ranked.map((row): ResultRow => {
      const e = facts.get(String(row.entryId))!
      return {
        ...row,
        entryId: String(row.entryId),
        title: e.title,
        institution: e.institution,
        province: e.province,
        pinnedVersion: e.pinnedVersion,
        pinnedSha256: e.pinnedSha256,
        ...(e.revokedReason ? { revokedReason: e.revokedReason } : {}),
        tier: assignment.tierOf.get(String(row.entryId)) ?? null,
      }
    })
    return { key: track.key, name: track.name, base, tiers: assignment.tiers, rows }
  })
  return {
    campaign: {
      id: String(input.campaign.id),
      slug: input.campaign.slug,
      title: input.campaign.title,
    },
    normalization: input.normalization,
    formula: { ...input.formula },
    promoteNext: input.promoteNext,
    tracks,
    ...(input.organizerRule
      ? {
          organizers: rankOrganizers(
            tracks.flatMap((t) => t.rows),
            input.organizerRule,
          ),
        }
      : {}),
  }
}

/** The entries holding a tier, revoked ones included (they show as 已撤销). */
export function awardedRows(body: ResultsBody): (ResultRow & { track: string })[] {
  return body.tracks.flatMap((t) =>
    t.rows.filter((r) => r.tier !== null).map((r) => ({ ...r, track: t.key })),
  )
}
