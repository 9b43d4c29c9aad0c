import type { EntryTokens, GalleryFacet, GallerySort, QueryTokens } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

export type Id = number | string

/** One public entry as the index holds it: its facets with their labels, its tokens. */
export interface SearchDoc {
  entryId: Id
  campaignId: Id
  campaignSlug: string
  campaignTitle: string
  year: number
  track: string
  trackName: string
  themeId: Id | null
  themeTitle: string | null
  province: string | null
  award: string | null
  /** Higher is better: the tier's place from the bottom of its track's list, 0 for none. */
  awardRank: number
  /** ISO instant: "newest" sorts by it. */
  createdAt: string
  tokens: EntryTokens
  /** The folded fields, one per line (MongoDB checks the exact substring on them). */
  folded: string
}

export interface SearchRequest {
  match: QueryTokens | null
  filters: Partial<Record<GalleryFacet, string>>
  sort: GallerySort
  offset: number
  limit: number
}

export interface FacetCount {
  value: string
  label: string
  count: number
}

export interface SearchAnswer {
  totalDocs: number
  /** The page's entries, in order. */
  ids: Id[]
  /** Per facet, the counts with every other filter applied (so a reader can switch values). */
  facets: Record<GalleryFacet, FacetCount[]>
}

/**
 * The index for the database Payload runs on. Writes join the request's
 * transaction, so an entry and its index row commit or roll back together.
 */
export interface SearchStore {
  /** Creates the tables or indexes it needs; idempotent. */
  ensure(): Promise<void>
  put(req: PayloadRequest, doc: SearchDoc): Promise<void>
  remove(req: PayloadRequest, entryId: Id): Promise<void>
  /** Campaign-wide labels changed (title, slug, year, track names): rewrite them in place. */
  relabelCampaign(
    req: PayloadRequest,
    campaignId: Id,
    labels: { slug: string; title: string; year: number; trackNames: Record<string, string> },
  ): Promise<void>
  relabelTheme(req: PayloadRequest, themeId: Id, title: string): Promise<void>
  search(request: SearchRequest): Promise<SearchAnswer>
  size(): Promise<number>
  /** Every indexed entry id (for a rebuild to drop what is no longer public). */
  clear(req: PayloadRequest): Promise<void>
}
