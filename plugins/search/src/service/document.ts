import { entryTokens, foldText } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { Id, SearchDoc } from '../store/types'
import type { ResolvedSearchOptions } from '../types'

type Doc = Record<string, unknown> & { id: Id }

const idOf = (v: unknown): Id | null =>
  v === null || v === undefined ? null : ((typeof v === 'object' ? (v as Doc).id : v) as Id)

interface TrackRow {
  key?: string
  name?: string
  tiers?: { name?: string | null }[] | null
}

/** The text a query may match: the title, the abstract, each section's heading and text. */
export function searchableFields(entry: Record<string, unknown>): string[] {
  const sections = (entry.sections ?? []) as { heading?: string | null; body?: string | null }[]
  return [
    String(entry.title ?? ''),
    String(entry.abstract ?? ''),
    ...sections.flatMap((s) => [s.heading ?? '', s.body ?? '']),
  ].filter((t) => t !== '')
}

/**
 * The index's row for an entry as it stands, or null when the public does
 * not see it (not in a public state, or its campaign unpublished), which
 * takes it out of the index.
 */
export async function searchDocOf(
  req: PayloadRequest,
  options: ResolvedSearchOptions,
  entry: Doc,
): Promise<SearchDoc | null> {
  if (!options.publicStates.includes(String(entry.status))) {
    return null
  }
  const campaignId = idOf(entry.campaign)
  if (campaignId === null) {
    return null
  }
  const campaign = (await req.payload.findByID({
    collection: options.campaigns,
    id: campaignId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as unknown as Doc | null
  if (!campaign || campaign._status !== 'published') {
    return null
  }
  const themeId = idOf(entry.theme)
  const theme =
    themeId === null
      ? null
      : ((await req.payload.findByID({
          collection: options.themes,
          id: themeId,
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })) as unknown as Doc | null)
  const tracks = (campaign.tracks ?? []) as TrackRow[]
  const track = tracks.find((t) => t.key === entry.track)
  const awardName = (entry.award as { name?: string | null } | undefined)?.name || null
  const tiers = track?.tiers ?? []
  const tierIndex = tiers.findIndex((t) => t.name === awardName)
  const fields = searchableFields(entry)
  return {
    entryId: entry.id,
    campaignId,
    campaignSlug: String(campaign.slug),
    campaignTitle: String(campaign.title),
    year: Number(campaign.year),
    track: String(entry.track ?? ''),
    trackName: track?.name ?? String(entry.track ?? ''),
    themeId: theme ? theme.id : null,
    themeTitle: theme ? String(theme.title ?? '') : null,
    province: typeof entry.province === 'string' && entry.province ? entry.province : null,
    award: awardName,
    awardRank: awardName === null ? 0 : tierIndex === -1 ? 1 : tiers.length - tierIndex + 1,
    createdAt: new Date(String(entry.createdAt ?? Date.now())).toISOString(),
    tokens: entryTokens(fields),
    folded: fields.map(foldText).join('\n'),
  }
}
