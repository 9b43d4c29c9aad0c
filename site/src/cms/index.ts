/** All CMS I/O of the site, through one typed Payload client (client.ts). */
export { clearCache } from './cache'
export { cmsUrl } from './client'
export { CmsUnavailable, NotFound } from './errors'
export { getCampaignBySlug, getPledgeCount, listCampaigns, listThemes } from './campaigns'
export {
  ENTRIES_PER_PAGE,
  getEntryByNumber,
  listEntries,
  listEntriesByIds,
  type EntryCardWithCampaign,
  type EntryCard,
  type EntryQuery,
  type Paginated,
} from './entries'
export { getCertificate, getSigningKey, type Certificate, type SigningKey } from './certificates'
export { getFrozenResults, type FrozenResults, type SnapshotSummary } from './results'
export { getPostBySlug, listPosts, type PostSummary } from './posts'
export { getShowcaseBySlug, listShowcases, type ShowcaseSummary } from './showcases'
export { getLeaderboard, getVoteSeries, type Tagged } from './voting'
