/**
 * The gallery's links: every facet value, sort and page is a plain link to
 * the canonical URL of the query it makes, so the page works without
 * JavaScript and each query has one cache key. No DOM here.
 */
import {
  GALLERY_FACET_LABELS,
  GALLERY_FACETS,
  GALLERY_SORT_LABELS,
  GALLERY_SORTS,
  galleryQueryString,
  type GalleryFacet,
  type GalleryQuery,
  type GallerySort,
} from '@exemplar/domain'

import { localePath, type Locale } from '../i18n'
import type { FacetCount, GalleryAnswer } from '../cms/gallery'
import { provinceName } from './campaigns'

export function galleryHref(locale: Locale, query: GalleryQuery): string {
  const qs = galleryQueryString(query)
  return `${localePath(locale, '/gallery')}${qs ? `?${qs}` : ''}`
}

/** The query with one facet set (or cleared, for undefined), back on page 1. */
export function withFilter(
  query: GalleryQuery,
  facet: GalleryFacet,
  value: string | undefined,
): GalleryQuery {
  const filters = { ...query.filters }
  if (value === undefined) {
    delete filters[facet]
  } else {
    filters[facet] = value
  }
  return { ...query, filters, page: 1 }
}

export interface FacetLink {
  label: string
  count: number
  href: string
  current: boolean
}

export interface FacetGroup {
  facet: GalleryFacet
  label: string
  /** Back to every value of this facet, the others kept; null when none is chosen. */
  allHref: string | null
  links: FacetLink[]
}

const valueLabel = (facet: GalleryFacet, item: FacetCount, locale: Locale) =>
  facet === 'province' ? provinceName(item.value, locale) : item.label || item.value

/** The facets as links with their counts (every other filter applied), in the domain's order. */
export function facetGroups(
  answer: Pick<GalleryAnswer, 'facets'>,
  query: GalleryQuery,
  locale: Locale,
): FacetGroup[] {
  return GALLERY_FACETS.flatMap((facet): FacetGroup[] => {
    const items = answer.facets[facet] ?? []
    const chosen = query.filters[facet]
    if (items.length === 0 && !chosen) {
      return []
    }
    return [
      {
        facet,
        label: GALLERY_FACET_LABELS[facet][locale],
        allHref: chosen ? galleryHref(locale, withFilter(query, facet, undefined)) : null,
        links: items.map((item) => ({
          label: valueLabel(facet, item, locale),
          count: item.count,
          current: item.value === chosen,
          href: galleryHref(
            locale,
            withFilter(query, facet, item.value === chosen ? undefined : item.value),
          ),
        })),
      },
    ]
  })
}

export interface SortLink {
  sort: GallerySort
  label: string
  href: string
  current: boolean
}

export function sortLinks(query: GalleryQuery, locale: Locale): SortLink[] {
  return GALLERY_SORTS.map((sort) => ({
    sort,
    label: GALLERY_SORT_LABELS[sort][locale],
    href: galleryHref(locale, { ...query, sort, page: 1 }),
    current: query.sort === sort,
  }))
}

/** Whether any filter or text narrows the gallery. */
export const isNarrowed = (query: GalleryQuery): boolean =>
  query.q !== '' || Object.values(query.filters).some(Boolean)
