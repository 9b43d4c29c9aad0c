/**
 * What each page reads, in one call per page, so the routes stay thin.
 * Reads that do not depend on each other run in parallel.
 */
import type { Campaign, Post, Theme } from '@exemplar/cms/payload-types'

import { galleryNumbers } from '../cms/gallery'

import { splitCampaigns, themeAncestors, themeTree, themeWithDescendants } from './campaigns'
import {
  getCampaignBySlug,
  getCertificate,
  getFrozenResults,
  getEntryByNumber,
  getLeaderboard,
  getPledgeCount,
  getVoteSeries,
  getPostBySlug,
  getShowcaseBySlug,
  getSigningKey,
  listCampaigns,
  listEntries,
  listEntriesByIds,
  listShowcases,
  listPosts,
  listThemes,
  NotFound,
  type EntryCard,
  type Paginated,
} from '../cms'
import { leaderboardParams, SERIES_TOP, withBaseline } from './leaderboard'
import { populated, relationId } from './relations'
import { hasVotingPhase } from './voting'

/** Turns NotFound into undefined, so a page can answer 404; anything else propagates. */
export function orNotFound(error: unknown): undefined {
  if (error instanceof NotFound) {
    return undefined
  }
  throw error
}

/** ?page= as a positive integer; anything else is page 1. */
export function pageParam(url: URL): number {
  const n = Number(url.searchParams.get('page') ?? '1')
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1
}

export async function loadHome(now: Date = new Date()) {
  // The numbers are a lead, not the page: without them the campaigns still show.
  const [campaigns, numbers] = await Promise.all([
    listCampaigns(),
    galleryNumbers().catch(() => null),
  ])
  return { ...splitCampaigns(campaigns, now), numbers }
}

export async function loadCampaign(slug: string) {
  const campaign = await getCampaignBySlug(slug)
  const [themes, posts, entries, pledgeCount] = await Promise.all([
    listThemes(campaign.id),
    listPosts(campaign.id),
    listEntries({ campaign: campaign.id, page: 1 }),
    campaign.pledge ? getPledgeCount(campaign.id) : undefined,
  ])
  return { campaign, tree: themeTree(themes), posts, entries, pledgeCount }
}

export async function loadCampaignEntries(slug: string, track: string | null, page: number) {
  const campaign = await getCampaignBySlug(slug)
  // An unknown track is ignored rather than shown as an empty list.
  const known = (campaign.tracks ?? []).some((t) => t.key === track)
    ? (track ?? undefined)
    : undefined
  const entries = await listEntries({ campaign: campaign.id, track: known, page })
  return { campaign, track: known, entries }
}

export interface ThemePage {
  campaign: Campaign
  theme: Theme
  ancestors: Theme[]
  children: Theme[]
  entries: Paginated<EntryCard>
}

export async function loadTheme(slug: string, code: string, page: number): Promise<ThemePage> {
  const campaign = await getCampaignBySlug(slug)
  const themes = await listThemes(campaign.id)
  const theme = themes.find((t) => t.code === code)
  if (!theme) {
    throw new NotFound(`theme ${code} of ${slug}`)
  }
  const ids = themeWithDescendants(themes, theme).map((t) => t.id)
  const entries = await listEntries({ campaign: campaign.id, themes: ids, page })
  const children = themes.filter((t) => relationId(t.parent) === theme.id)
  return { campaign, theme, ancestors: themeAncestors(themes, theme), children, entries }
}

export async function loadEntry(number: string) {
  const entry = await getEntryByNumber(number)
  const campaign = populated(entry.campaign)
  return { entry, campaign, theme: populated(entry.theme) }
}

/** A showcase and its entries on display, in the editor's order. */
export async function loadShowcase(slug: string) {
  const showcase = await getShowcaseBySlug(slug)
  const ids = (showcase.entries ?? []).flatMap((row) => {
    const id = relationId(row.entry)
    return typeof id === 'number' ? [id] : []
  })
  const entries = await listEntriesByIds(ids)
  const notes = new Map(
    (showcase.entries ?? []).map((row) => [relationId(row.entry), row.note ?? null] as const),
  )
  return {
    showcase,
    campaign: populated(showcase.campaign),
    entries: entries.map((entry) => ({ entry, note: notes.get(entry.id) ?? null })),
  }
}

export function loadShowcases() {
  return listShowcases()
}

export async function loadPost(slug: string): Promise<{ post: Post; campaign?: Campaign }> {
  const post = await getPostBySlug(slug)
  return { post, campaign: populated(post.campaign) }
}

/**
 * A campaign's leaderboard as ?by= and ?track= ask, and the chart of its top
 * entries. A campaign without a public vote has no leaderboard (404).
 */
export async function loadResults(slug: string) {
  const campaign = await getCampaignBySlug(slug)
  return { campaign, results: await getFrozenResults(campaign.id) }
}

export async function loadLeaderboard(slug: string, search: URLSearchParams) {
  const campaign = await getCampaignBySlug(slug)
  if (!hasVotingPhase(campaign)) {
    throw new NotFound(`leaderboard of ${slug}`)
  }
  const params = leaderboardParams(search, campaign)
  const [board, series, top] = await Promise.all([
    getLeaderboard(campaign.slug, params),
    getVoteSeries(campaign.slug, SERIES_TOP),
    // The chart's lines end at the overall tallies, whatever the table shows.
    getLeaderboard(campaign.slug, { by: 'entry' }),
  ])
  return {
    campaign,
    params,
    board: board.data,
    etag: board.etag,
    series: withBaseline(series, top.data.rows),
  }
}

/**
 * A certificate by its canonical number (null when there is none) and the
 * current signing key; a CMS without the key endpoint still shows the page.
 */
export async function loadCertificate(number: string) {
  const [certificate, key] = await Promise.all([
    getCertificate(number),
    getSigningKey().catch(orNotFound),
  ])
  return { certificate, key }
}
