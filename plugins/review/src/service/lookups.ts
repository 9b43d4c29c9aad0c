import type { Instant, Phase, RubricCriterion } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'

export type Id = number | string
export type Doc = Record<string, unknown> & { id: Id }

/** A relationship's id, whether it came populated or as the id. */
export const refId = (value: unknown): Id | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? id : undefined
}

/** Ids compare as text: numbers from SQLite, strings from MongoDB and forms. */
export const sameId = (a: unknown, b: unknown) => {
  const x = refId(a)
  const y = refId(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}

export const userIdOf = (req: PayloadRequest): Id | undefined => refId(req.user)

export interface CampaignTrack {
  key: string
  name: string
  rubric: RubricCriterion[]
}

export interface CampaignReview {
  id: Id
  title: string
  slug: string
  tracks: CampaignTrack[]
  phases: Phase[]
  blind: boolean
  publicIdentity: boolean
  sameProvince: boolean
  k: number | null
  normalization: 'none' | 'zscore' | 'rank'
  dueAt: string | null
  reviewOpensAt: string | null
}

interface StoredCriterion {
  key?: string
  label?: string
  weight?: number
  maxScore?: number
  scaleMax?: number
  description?: string | null
}

const isoOf = (instant: Instant | undefined): string | null =>
  instant === undefined || instant === null ? null : new Date(instant).toISOString()

/** A campaign as review needs it, whoever asks. */
export async function campaignForReview(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: unknown,
): Promise<CampaignReview | null> {
  const id = refId(campaign)
  if (id === undefined) {
    return null
  }
  const doc = (await req.payload.findByID({
    collection: options.campaigns,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as Doc | null
  if (!doc) {
    return null
  }
  const review = (doc.review ?? {}) as Record<string, unknown>
  const phases = ((doc[options.fields.phases] ?? []) as Phase[]).filter(
    (p) => p?.startsAt && p?.endsAt,
  )
  const reviewPhase = phases.find((p) => p.kind === options.reviewPhaseKind)
  const tracks = ((doc[options.fields.tracks] ?? []) as Record<string, unknown>[]).map((t) => ({
    key: String(t.key ?? ''),
    name: String(t.name ?? t.key ?? ''),
    rubric: ((t.rubric ?? []) as StoredCriterion[]).map((c) => ({
      key: String(c.key ?? ''),
      label: String(c.label ?? c.key ?? ''),
      weight: Number(c.weight ?? 0),
      scaleMax: Number(c.scaleMax ?? c.maxScore ?? 10),
      description: c.description ?? '',
    })),
  }))
  const normalization = review.normalization
  return {
    id: doc.id,
    title: String(doc.title ?? ''),
    slug: String(doc.slug ?? ''),
    tracks,
    phases,
    blind: review.blind !== 'open',
    publicIdentity: review.publicIdentity === true,
    sameProvince: review.sameProvince === true,
    k: typeof review.k === 'number' ? review.k : null,
    normalization: normalization === 'zscore' || normalization === 'rank' ? normalization : 'none',
    dueAt: typeof review.dueAt === 'string' ? review.dueAt : isoOf(reviewPhase?.endsAt),
    reviewOpensAt: isoOf(reviewPhase?.startsAt),
  }
}

export const trackOf = (campaign: CampaignReview, key: unknown) =>
  campaign.tracks.find((t) => t.key === key)

/** An entry as stored, whoever asks: the route has checked the caller's right to it. */
export async function storedDoc(
  req: PayloadRequest,
  collection: ResolvedReviewOptions['entries'],
  id: Id,
): Promise<Doc | null> {
  return (await req.payload.findByID({
    collection,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    context: { reviewInternalRead: true },
    req,
  })) as Doc | null
}

/** Every document a query matches, whoever asks, without pagination. */
export async function allDocs(
  req: PayloadRequest,
  collection: ResolvedReviewOptions['entries'],
  where: Record<string, unknown>,
  select?: string[],
): Promise<Doc[]> {
  const { docs } = await req.payload.find({
    collection,
    where: where as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    context: { reviewInternalRead: true },
    ...(select ? { select: Object.fromEntries(select.map((f) => [f, true])) as never } : {}),
    req,
  })
  return docs as unknown as Doc[]
}
