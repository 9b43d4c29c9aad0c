import {
  galleryQueryString,
  type GalleryFacet,
  type GalleryQuery,
  type Segment,
} from '@exemplar/domain'

import { cached, CACHE_TTL_MS } from './cache'
import { getEndpoint } from './client'

/** One card as `GET /api/search` answers it (plugins/search/API.md): public fields only. */
export interface GalleryCard {
  id: number | string
  number: string
  title: string
  titleParts: Segment[]
  snippet: Segment[]
  institution: string | null
  province: string | null
  campaign: { slug: string; title: string; year: number }
  track: { key: string; name: string }
  theme: { id: number | string; title: string } | null
  award: string | null
  votes: number | null
  image: { url: string; width: number | null; height: number | null; alt: string } | null
}

export interface FacetCount {
  value: string
  label: string
  count: number
}

export interface GalleryAnswer {
  totalDocs: number
  page: number
  totalPages: number
  limit: number
  docs: GalleryCard[]
  facets: Partial<Record<GalleryFacet, FacetCount[]>>
}

/** The gallery's page for a checked query, from the CMS's search (one canonical query string per query). */
export function searchGallery(query: GalleryQuery): Promise<GalleryAnswer> {
  const qs = galleryQueryString(query)
  return cached(`gallery ${qs}`, CACHE_TTL_MS, async () => {
    const res = await getEndpoint('/search', new URLSearchParams(qs))
    return (await res.json()) as GalleryAnswer
  })
}

export interface GalleryNumbers {
  year: number
  entries: number
  awarded: number
  provinces: number
  campaigns: number
}

/**
 * The home page's numbers: the latest year with entries on display, as the
 * gallery counts it (entries, awarded entries, provinces, campaigns), or
 * null while the gallery is empty.
 */
export async function galleryNumbers(): Promise<GalleryNumbers | null> {
  const everything = await searchGallery({ q: '', filters: {}, sort: 'newest', page: 1 })
  const years = (everything.facets.year ?? [])
    .filter((y) => y.count > 0)
    .map((y) => Number(y.value))
    .filter(Number.isInteger)
  if (years.length === 0) {
    return null
  }
  const year = Math.max(...years)
  const ofYear = await searchGallery({
    q: '',
    filters: { year: String(year) },
    sort: 'newest',
    page: 1,
  })
  const count = (facet: 'award' | 'province' | 'campaign') => ofYear.facets[facet] ?? []
  return {
    year,
    entries: ofYear.totalDocs,
    awarded: count('award').reduce((sum, f) => sum + f.count, 0),
    provinces: count('province').filter((f) => f.count > 0).length,
    campaigns: count('campaign').filter((f) => f.count > 0).length,
  }
}
