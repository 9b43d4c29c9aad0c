import {
  DEFAULT_RESULT_FORMULA,
  type AwardTier,
  type OrganizerRule,
  type ResultEntry,
  type ResultFormula,
  type ResultsInput,
} from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import type { PayloadRequest, Where } from 'payload'

import type { ResolvedResultsOptions } from '../types'

export type Id = string | number
export type Doc = Record<string, unknown> & { id: Id }

const text = (v: unknown) =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)
const refId = (v: unknown): Id | undefined =>
  typeof v === 'string' || typeof v === 'number'
    ? v
    : v && typeof v === 'object' && 'id' in v
      ? (v as Doc).id
      : undefined

export interface CampaignResults {
  id: Id
  slug: string
  title: string
  formula: ResultFormula
  promoteNext: boolean
  publicityDays: number
  tracks: { key: string; name: string; tiers: AwardTier[] }[]
  organizerRule: OrganizerRule | null
}

/** The campaign a route names by id or slug, with its formula and tiers, or a 404. */
export async function campaignNamed(
  req: PayloadRequest,
  options: ResolvedResultsOptions,
  value: unknown,
): Promise<CampaignResults> {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  if (raw === '') {
    throw new Refusal(400, { field: 'campaign', code: 'required', message: '请指定征集活动' })
  }
  const byId = /^[1-9][0-9]{0,15}$/.test(raw) || /^[0-9a-f]{24}$/.test(raw)
  if (!byId && !/^[a-z0-9-]{1,80}$/.test(raw)) {
    throw new Refusal(400, {
      field: 'campaign',
      code: 'invalid',
      message: `征集活动“${raw.slice(0, 40)}”无效`,
    })
  }
  const where: Where = byId
    ? { id: { equals: /^[0-9]+$/.test(raw) ? Number(raw) : raw } }
    : { [options.fields.slug]: { equals: raw } }
  const { docs } = await req.payload.find({
    collection: options.campaigns,
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const doc = docs[0] as unknown as Doc | undefined
  if (!doc) {
    throw new Refusal(404, {
      field: 'campaign',
      code: 'notFound',
      message: `没有征集活动“${raw.slice(0, 40)}”`,
    })
  }
  return campaignResultsOf(doc, options)
}

export function campaignResultsOf(doc: Doc, options: ResolvedResultsOptions): CampaignResults {
  const settings = (doc.results ?? {}) as Record<string, unknown>
  const tracks = ((doc[options.fields.tracks] ?? []) as Record<string, unknown>[]).map((t) => ({
    key: text(t.key),
    name: text(t.name),
    tiers: ((t.tiers ?? []) as Record<string, unknown>[]).map((tier): AwardTier => ({
      key: text(tier.key),
      name: text(tier.name),
      ...(tier.nameEn ? { nameEn: text(tier.nameEn) } : {}),
      kind: tier.kind === 'share' ? 'share' : 'count',
      value: Number(tier.value ?? 0),
    })),
  }))
  return {
    id: doc.id,
    slug: text(doc[options.fields.slug]),
    title: text(doc[options.fields.campaignTitle]),
    formula: {
      expertShare:
        typeof settings.expertShare === 'number'
          ? settings.expertShare
          : DEFAULT_RESULT_FORMULA.expertShare,
      voteScale: settings.voteScale === 'rank' ? 'rank' : DEFAULT_RESULT_FORMULA.voteScale,
      tieRule:
        settings.tieRule === 'votes' || settings.tieRule === 'exclude'
          ? settings.tieRule
          : DEFAULT_RESULT_FORMULA.tieRule,
    },
    promoteNext: settings.promoteNext === true,
    publicityDays: typeof settings.publicityDays === 'number' ? settings.publicityDays : 7,
    tracks,
    organizerRule: organizerRuleOf(settings.organizers),
  }
}

/** The campaign's organizer rule when it names excellent organizing institutions, else null. */
function organizerRuleOf(value: unknown): OrganizerRule | null {
  const o = (value ?? {}) as Record<string, unknown>
  if (o.enabled !== true) {
    return null
  }
  const int = (v: unknown, fallback: number) => (typeof v === 'number' ? Math.floor(v) : fallback)
  return {
    minEntries: int(o.minEntries, 1),
    minAwarded: int(o.minAwarded, 1),
    limit: int(o.limit, 10),
  }
}

/**
 * Everything the ranking needs, read in the caller's transaction: the
 * campaign's entries that passed screening (revoked ones included, so they
 * show as 已撤销), their institutions, votes, pins, and the experts' scores.
 */
export async function gatherResults(
  req: PayloadRequest,
  options: ResolvedResultsOptions,
  campaign: CampaignResults,
): Promise<ResultsInput> {
  const { fields } = options
  const states = [...new Set([...options.rankedStates, options.revokedState])]
  const { docs } = await req.payload.find({
    collection: options.entries,
    where: { [fields.campaign]: { equals: campaign.id }, [fields.status]: { in: states } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const entries = docs as unknown as Doc[]
  const orgIds = [
    ...new Set(entries.map((e) => refId(e[fields.organization])).filter((v) => v !== undefined)),
  ]
  const orgs =
    orgIds.length === 0
      ? []
      : ((
          await req.payload.find({
            collection: options.organizations,
            where: { id: { in: orgIds } },
            pagination: false,
            depth: 0,
            overrideAccess: true,
            req,
          })
        ).docs as unknown as Doc[])
  const orgName = new Map(orgs.map((o) => [String(o.id), text(o[fields.organizationName])]))
  const scores = await options.expertScores(req, campaign.id)
  const scoreOf = new Map(scores.entries.map((s) => [String(s.entryId), s]))
  const entryOf = (e: Doc): ResultEntry => {
    const score = scoreOf.get(String(e.id))
    const pin = (e[fields.pin] ?? {}) as Record<string, unknown>
    const votes = Number(e[fields.votes] ?? 0)
    const revoked = e[fields.status] === options.revokedState
    const history = (Array.isArray(e[fields.history]) ? e[fields.history] : []) as Record<
      string,
      unknown
    >[]
    const revocation = revoked
      ? history.filter((h) => h.to === options.revokedState).at(-1)
      : undefined
    return {
      entryId: e.id,
      number: text(e[fields.number]),
      expert: score && score.reviews > 0 ? score.mean : null,
      reviews: score?.reviews ?? 0,
      votes: Number.isFinite(votes) ? votes : 0,
      revoked,
      ...(revocation?.reasonLabel ? { revokedReason: text(revocation.reasonLabel) } : {}),
      title: text(e[fields.title]),
      institution: orgName.get(String(refId(e[fields.organization]))) ?? '',
      province: text(e[fields.province]),
      pinnedVersion: pin.versionId ? text(pin.versionId) : null,
      pinnedSha256: pin.sha256 ? text(pin.sha256) : null,
    }
  }
  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title },
    normalization: scores.method,
    formula: campaign.formula,
    promoteNext: campaign.promoteNext,
    organizerRule: campaign.organizerRule,
    tracks: campaign.tracks.map((track) => ({
      key: track.key,
      name: track.name,
      tiers: track.tiers,
      entries: entries
        .filter((e) => text(e[fields.track]) === track.key)
        .sort((a, b) => text(a[fields.number]).localeCompare(text(b[fields.number])))
        .map(entryOf),
    })),
  }
}
