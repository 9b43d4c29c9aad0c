import { parseGalleryQuery, type GalleryQuery } from '@exemplar/domain'
import { describe, expect, it } from 'vitest'

import { facetGroups, galleryHref, isNarrowed, sortLinks, withFilter } from './gallery'

const query = (qs: string): GalleryQuery => {
  const parsed = parseGalleryQuery(new URLSearchParams(qs))
  if (!parsed.ok) {
    throw new Error(parsed.problem.message)
  }
  return parsed.query
}

const facets = {
  year: [
    { value: '2024', label: '2024', count: 12 },
    { value: '2023', label: '2023', count: 3 },
  ],
  province: [{ value: '广东省', label: '广东省', count: 7 }],
  award: [],
}

describe('gallery links', () => {
  it('should link each facet value to its canonical query on page 1, choosing or clearing it', () => {
    const current = query('q=膳食&year=2024&page=3&sort=votes')
    const [year, province] = facetGroups({ facets }, current, 'zh')
    expect(year!.links.map((l) => [l.label, l.count, l.current, l.href])).toEqual([
      ['2024', 12, true, '/gallery?q=%E8%86%B3%E9%A3%9F&sort=votes'],
      ['2023', 3, false, '/gallery?q=%E8%86%B3%E9%A3%9F&year=2023&sort=votes'],
    ])
    expect(year!.allHref).toBe('/gallery?q=%E8%86%B3%E9%A3%9F&sort=votes')
    expect(province!.allHref).toBeNull()
    expect(province!.links[0]!.href).toBe(
      '/gallery?q=%E8%86%B3%E9%A3%9F&year=2024&province=%E5%B9%BF%E4%B8%9C%E7%9C%81&sort=votes',
    )
    // A facet with no value and none chosen is left out.
    expect(facetGroups({ facets }, current, 'zh').map((g) => g.facet)).toEqual(['year', 'province'])
  })

  it('should name provinces and facets in English under /en', () => {
    const [year, province] = facetGroups({ facets }, query(''), 'en')
    expect(year!.label).toBe('Year')
    expect(province!.links[0]!.label).toBe('Guangdong')
    expect(province!.links[0]!.href).toMatch(/^\/en\/gallery\?province=/)
  })

  it('should offer every sort, the current one marked, back on page 1', () => {
    const links = sortLinks(query('year=2024&page=2'), 'zh')
    expect(links.map((l) => [l.sort, l.current, l.href])).toEqual([
      ['newest', true, '/gallery?year=2024'],
      ['votes', false, '/gallery?year=2024&sort=votes'],
      ['award', false, '/gallery?year=2024&sort=award'],
    ])
  })

  it('should tell a narrowed gallery from the whole one', () => {
    expect(isNarrowed(query(''))).toBe(false)
    expect(isNarrowed(query('sort=votes&page=2'))).toBe(false)
    expect(isNarrowed(query('q=控烟'))).toBe(true)
    expect(isNarrowed(withFilter(query(''), 'award', '优秀案例'))).toBe(true)
    expect(galleryHref('zh', query(''))).toBe('/gallery')
  })
})
