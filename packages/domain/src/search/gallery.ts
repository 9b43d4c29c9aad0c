import type { Label } from '../label'

/** Cards per gallery page. */
export const GALLERY_PAGE_SIZE = 24
/** The longest query, in characters as typed: refused before it is folded. */
export const SEARCH_QUERY_MAX = 50
/** Pages past this are refused: nobody reads page 500, and deep offsets cost. */
export const GALLERY_PAGE_MAX = 400

export const GALLERY_SORT_LABELS = {
  newest: { zh: '最新', en: 'Newest' },
  votes: { zh: '得票最多', en: 'Most voted' },
  award: { zh: '获奖优先', en: 'Awards first' },
} as const satisfies Record<string, Label>

export type GallerySort = keyof typeof GALLERY_SORT_LABELS
export const GALLERY_SORTS = Object.keys(GALLERY_SORT_LABELS) as GallerySort[]

/** The gallery's facets, in the order they are shown. */
export const GALLERY_FACET_LABELS = {
  year: { zh: '年份', en: 'Year' },
  campaign: { zh: '征集活动', en: 'Campaign' },
  theme: { zh: '主题', en: 'Theme' },
  track: { zh: '类别', en: 'Track' },
  province: { zh: '省份', en: 'Province' },
  award: { zh: '奖项', en: 'Award' },
} as const satisfies Record<string, Label>

export type GalleryFacet = keyof typeof GALLERY_FACET_LABELS
export const GALLERY_FACETS = Object.keys(GALLERY_FACET_LABELS) as GalleryFacet[]

export interface GalleryQuery {
  /** As typed, trimmed; '' for no text. */
  q: string
  filters: Partial<Record<GalleryFacet, string>>
  sort: GallerySort
  page: number
}

export interface GalleryProblem {
  field: string
  code: 'tooLong' | 'invalid'
  message: string
  limit?: number
}

/** Each facet's value: its longest form and shape, checked before anything reads it. */
const FACET_RULES: Record<GalleryFacet, { max: number; pattern: RegExp; what: string }> = {
  year: { max: 4, pattern: /^(19|20)\d{2}$/, what: '年份' },
  campaign: { max: 100, pattern: /^[a-z0-9][a-z0-9-]*$/, what: '征集活动' },
  theme: { max: 24, pattern: /^([1-9]\d{0,15}|[0-9a-f]{24})$/, what: '主题' },
  track: { max: 64, pattern: /^[A-Za-z0-9_-]+$/, what: '类别' },
  province: { max: 20, pattern: /^[\p{Script=Han}·]+$/u, what: '省份' },
  award: { max: 64, pattern: /^[^\p{Cc}<>]+$/u, what: '奖项' },
}

type Params = { get(name: string): string | null }

/**
 * The gallery's query from its URL parameters (the site's page and the
 * CMS's /api/search read the same ones): every value capped in length
 * before any pattern sees it, a clear refusal naming the field otherwise.
 * Absent or empty parameters mean no filter.
 */
export function parseGalleryQuery(
  params: Params,
): { ok: true; query: GalleryQuery } | { ok: false; problem: GalleryProblem } {
  const q = (params.get('q') ?? '').trim()
  if (q.length > SEARCH_QUERY_MAX) {
    return {
      ok: false,
      problem: {
        field: 'q',
        code: 'tooLong',
        message: `搜索词不超过 ${SEARCH_QUERY_MAX} 个字，现为 ${q.length} 个字`,
        limit: SEARCH_QUERY_MAX,
      },
    }
  }
  const filters: GalleryQuery['filters'] = {}
  for (const facet of GALLERY_FACETS) {
    const raw = params.get(facet)
    if (raw === null || raw === '') {
      continue
    }
    const rule = FACET_RULES[facet]
    if (raw.length > rule.max || !rule.pattern.test(raw)) {
      return {
        ok: false,
        problem: {
          field: facet,
          code: 'invalid',
          message: `筛选条件“${rule.what}”的值无效（不超过 ${rule.max} 个字符）`,
          limit: rule.max,
        },
      }
    }
    filters[facet] = raw
  }
  const sortRaw = params.get('sort') || 'newest'
  if (!(GALLERY_SORTS as string[]).includes(sortRaw)) {
    return {
      ok: false,
      problem: {
        field: 'sort',
        code: 'invalid',
        message: `排序方式须为 ${GALLERY_SORTS.join('、')} 之一`,
      },
    }
  }
  const pageRaw = params.get('page') || '1'
  const page = /^\d{1,4}$/.test(pageRaw) ? Number(pageRaw) : NaN
  if (!(page >= 1 && page <= GALLERY_PAGE_MAX)) {
    return {
      ok: false,
      problem: {
        field: 'page',
        code: 'invalid',
        message: `页码须为 1 到 ${GALLERY_PAGE_MAX} 的整数`,
        limit: GALLERY_PAGE_MAX,
      },
    }
  }
  return { ok: true, query: { q, filters, sort: sortRaw as GallerySort, page } }
}

/** The same query as URL parameters, defaults left out: one canonical URL per query (the cache key). */
export function galleryQueryString(query: GalleryQuery): string {
  const out = new URLSearchParams()
  if (query.q) {
    out.set('q', query.q)
  }
  for (const facet of GALLERY_FACETS) {
    const value = query.filters[facet]
    if (value) {
      out.set(facet, value)
    }
  }
  if (query.sort !== 'newest') {
    out.set('sort', query.sort)
  }
  if (query.page !== 1) {
    out.set('page', String(query.page))
  }
  return out.toString()
}
