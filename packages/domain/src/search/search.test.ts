import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { foldForSearch, foldText } from './fold'
import { galleryQueryString, parseGalleryQuery, SEARCH_QUERY_MAX } from './gallery'
import { highlight } from './highlight'
import { entryTokens, FIELD_BREAK, fieldsContain, queryTokens } from './tokens'

/** What a phrase query over the bigram column means, done by hand: n − 1 bigrams in a row. */
function phraseMatches(fields: string[], query: string): boolean {
  const q = queryTokens(query)
  if (!q) {
    return false
  }
  const tokens = entryTokens(fields)
  if (q.kind === 'unigram') {
    return tokens.unigrams.split(' ').includes(q.token)
  }
  const stream = tokens.bigrams.split(' ')
  for (let i = 0; i + q.tokens.length <= stream.length; i++) {
    if (q.tokens.every((t, j) => stream[i + j] === t)) {
      return true
    }
  }
  return false
}

// A small alphabet, so random queries often occur: Chinese, Latin in both widths, digits, blanks.
const alphabet = fc.constantFrom(...'合理膳食行动健康中国医者ａＡaBb１1 \u3000,，。')
const field = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''))

describe('search folding', () => {
  it('should fold full-width forms and case, collapse blanks, and map back to the original', () => {
    const folded = foldForSearch('  健康ＡＢＣ\u3000\u3000１２３\n')
    expect(folded.text).toBe('健康abc 123')
    expect(folded.from).toHaveLength(folded.text.length)
    // The "a" came from the full-width Ａ at index 4 of the original.
    expect(folded.from[2]).toBe(4)
    expect(foldText('Hello\tWORLD')).toBe('hello world')
  })
})

describe('bigram tokens', () => {
  it('should match a query exactly when a field contains it (1, 2, 3 and 6 characters, mixed scripts)', () => {
    fc.assert(
      fc.property(
        fc.array(field, { minLength: 1, maxLength: 4 }),
        fc.oneof(
          fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('')),
          // A query cut from the text itself, so hits are common.
          fc.tuple(fc.nat(), fc.constantFrom(1, 2, 3, 6)),
        ),
        (fields, pick) => {
          let query: string
          if (typeof pick === 'string') {
            query = pick
          } else {
            const source = fields[pick[0] % fields.length]!
            const start = source.length === 0 ? 0 : pick[0] % source.length
            query = source.slice(start, start + pick[1])
          }
          expect(phraseMatches(fields, query)).toBe(fieldsContain(fields, query))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('should never let a phrase run from one field into the next', () => {
    expect(fieldsContain(['健康', '中国'], '康中')).toBe(false)
    expect(phraseMatches(['健康', '中国'], '康中')).toBe(false)
    expect(entryTokens(['健康', '中国']).bigrams.split(' ')).toContain(FIELD_BREAK)
    expect(phraseMatches(['健康中国'], '康中')).toBe(true)
  })

  it('should write every token as ASCII letters and digits, whatever the script', () => {
    const { bigrams, unigrams } = entryTokens(['合理膳食 Action😀'])
    for (const token of `${bigrams} ${unigrams}`.split(' ')) {
      expect(token).toMatch(/^[a-z0-9]+$/)
    }
  })
})

describe('highlighting', () => {
  it('should mark every occurrence, in the original spelling, and rebuild the text', () => {
    const segments = highlight('推广合理膳食，ＡＩ辅助膳食指导', '膳食')
    expect(segments.map((s) => s.text).join('')).toBe('推广合理膳食，ＡＩ辅助膳食指导')
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['膳食', '膳食'])
    expect(highlight('ＡＩ辅助', 'ai').find((s) => s.hit)?.text).toBe('ＡＩ')
  })

  it('should cut a window around the first match with ellipses', () => {
    const text = `${'前'.repeat(200)}关键词${'后'.repeat(200)}`
    const segments = highlight(text, '关键词', 60)
    const joined = segments.map((s) => s.text).join('')
    expect(joined.startsWith('…')).toBe(true)
    expect(joined.endsWith('…')).toBe(true)
    expect(joined.length).toBeLessThanOrEqual(62)
    expect(segments.some((s) => s.hit && s.text === '关键词')).toBe(true)
  })
})

describe('the gallery query', () => {
  const parse = (search: string) => parseGalleryQuery(new URLSearchParams(search))

  it('should read filters, sort and page, and write one canonical URL for them', () => {
    const parsed = parse('page=2&q=%20膳食%20&year=2024&province=四川省&sort=votes&track=')
    expect(parsed).toEqual({
      ok: true,
      query: { q: '膳食', filters: { year: '2024', province: '四川省' }, sort: 'votes', page: 2 },
    })
    if (parsed.ok) {
      expect(galleryQueryString(parsed.query)).toBe(
        'q=%E8%86%B3%E9%A3%9F&year=2024&province=%E5%9B%9B%E5%B7%9D%E7%9C%81&sort=votes&page=2',
      )
    }
  })

  it('should refuse, naming the field and the limit, a long query or a malformed filter', () => {
    expect(parse(`q=${'膳'.repeat(SEARCH_QUERY_MAX + 1)}`)).toMatchObject({
      ok: false,
      problem: { field: 'q', code: 'tooLong', limit: SEARCH_QUERY_MAX },
    })
    expect(parse('year=24')).toMatchObject({ ok: false, problem: { field: 'year' } })
    expect(parse(`campaign=${'a'.repeat(101)}`)).toMatchObject({
      ok: false,
      problem: { field: 'campaign', limit: 100 },
    })
    expect(parse('sort=random')).toMatchObject({ ok: false, problem: { field: 'sort' } })
    expect(parse('page=0')).toMatchObject({ ok: false, problem: { field: 'page' } })
    expect(parse('page=401')).toMatchObject({ ok: false, problem: { field: 'page' } })
  })
})
