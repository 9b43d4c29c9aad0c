import type { NormalizationMethod } from '@exemplar/domain'
import type { CollectionSlug, PayloadRequest } from 'payload'

type Id = string | number

/** One entry's expert score as the review capability computes it (normalized per its campaign). */
export interface ExpertScore {
  entryId: Id
  /** Mean of the entry's normalized review scores, 0–100. */
  mean: number
  reviews: number
}

export interface ExpertScores {
  method: NormalizationMethod
  entries: ExpertScore[]
}

export interface ResultsPluginOptions {
  entries?: string
  campaigns?: string
  organizations?: string
  users?: string
  slugs?: { snapshots?: string }
  /** Field names on the host's collections, where they differ from Exemplar's. */
  fields?: Partial<ResultsFields>
  /**
   * Entry states that take part in the results: every state an entry
   * reaches after passing screening. The shares of a tier are taken of the
   * entries of a track in these states.
   */
  rankedStates: readonly string[]
  /** The state of an entry whose award was revoked; it is listed, never awarded. Default `revoked`. */
  revokedState?: string
  /**
   * The experts' scores of a campaign's entries. The host passes the review
   * capability's normalization; the results plugin never reads reviews itself.
   */
  expertScores: (req: PayloadRequest, campaignId: Id) => Promise<ExpertScores>
  isEditor: (user: unknown) => boolean
  /** Add the collections and fields, but no routes. */
  disabled?: boolean
}

export interface ResultsFields {
  /** Entries. */
  campaign: string
  track: string
  status: string
  number: string
  title: string
  organization: string
  province: string
  votes: string
  pin: string
  /** The workflow's history rows (`to`, `reasonLabel`): where a revocation's reason is read. */
  history: string
  /** Campaigns. */
  slug: string
  campaignTitle: string
  tracks: string
  /** Organizations. */
  organizationName: string
}

export interface ResolvedResultsOptions {
  entries: CollectionSlug
  campaigns: CollectionSlug
  organizations: CollectionSlug
  users: CollectionSlug
  slugs: { snapshots: CollectionSlug }
  fields: ResultsFields
  rankedStates: readonly string[]
  revokedState: string
  expertScores: ResultsPluginOptions['expertScores']
  isEditor: (user: unknown) => boolean
}
