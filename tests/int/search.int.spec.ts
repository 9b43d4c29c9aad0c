import { fieldsContain, queryTokens } from '@exemplar/domain'
import { searchStoreOf, type SearchPage } from '@exemplar/plugin-search'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sqliteSearchStore } from '../../plugins/search/src/store/sqlite'
import { apiClient, type ApiClient } from '../helpers/api'
import { generatedSearchDoc, healthText, seededRandom } from '../helpers/generatedText'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The gallery's search on the real config: against a substring oracle on
 * 10,000 generated entries in the store itself (1-, 2-, 3- and 6-character
 * queries, mixed Chinese and Latin, every hit and every facet count), and
 * through /api/search on real entries kept current by the hooks.
 */
const KEY = 'search'
const N = 10_000
let t: TestPayload
let api: ApiClient

const PROVINCES = ['四川省', '浙江省', '广东省', '云南省']

interface Generated {
  id: number
  fields: string[]
  province: string
  year: number
}

const newestIds = (list: Generated[]) => list.map((d) => d.id).sort((a, b) => b - a)

function generate(): Generated[] {
  const next = seededRandom(20261203)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const text = (words: number) => healthText(next, words * 2)
  return Array.from({ length: N }, (_, i) => ({
    id: 1_000_000 + i,
    fields: [text(3 + Math.floor(next() * 4)), text(20 + Math.floor(next() * 40)), text(10)],
    province: pick(PROVINCES),
    year: 2020 + (i % 5),
  }))
}

beforeAll(async () => {
  t = await bootPayload(KEY)
  api = apiClient(t.payload, KEY)
})

afterAll(async () => {
  await t?.cleanup()
})

describe('search against the substring oracle, 10,000 generated entries', () => {
  const docs = generate()

  it('should find exactly the entries containing each query, and count facets as the oracle does', async () => {
    const store = searchStoreOf(t.payload, { entries: 'entries', votes: 'voteCount' })
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    for (const d of docs) {
      await store.put(req, generatedSearchDoc(d, 'gen'))
    }
    await commitTransaction(req)

    const next = seededRandom(7)
    const queries = new Set<string>([
      '膳',
      '合理膳食',
      '合理膳食行动',
      'ai辅助',
      'AI',
      'app健康',
      '慢病管理',
      '食行动',
      '，',
      '医生签',
      '不存在的词',
    ])
    while (queries.size < 60) {
      const source = docs[Math.floor(next() * N)]!.fields[1]!
      const length = [1, 2, 3, 6][Math.floor(next() * 4)]!
      const start = Math.floor(next() * Math.max(1, source.length - length))
      queries.add(source.slice(start, start + length))
    }
    for (const q of queries) {
      const truth = docs.filter((d) => fieldsContain(d.fields, q))
      const answer = await store.search({
        match: queryTokens(q),
        filters: {},
        sort: 'newest',
        offset: 0,
        limit: N,
      })
      expect(answer.totalDocs, q).toBe(truth.length)
      expect(new Set(answer.ids.map(Number)), q).toEqual(new Set(truth.map((d) => d.id)))
      // With a province chosen: the total narrows, and the province facet still counts every province.
      const filtered = await store.search({
        match: queryTokens(q),
        filters: { province: '四川省', year: '2022' },
        sort: 'newest',
        offset: 0,
        limit: 24,
      })
      const inYear = truth.filter((d) => d.year === 2022)
      const chosen = inYear.filter((d) => d.province === '四川省')
      expect(filtered.totalDocs, q).toBe(chosen.length)
      // Newest first is the generated ids descending (each is created a millisecond after the last).
      expect(filtered.ids.map(Number), q).toEqual(newestIds(chosen).slice(0, 24))
      for (const row of filtered.facets.province) {
        expect(row.count, `${q} ${row.value}`).toBe(
          inYear.filter((d) => d.province === row.value).length,
        )
      }
    }
  }, 240_000)

  it('should answer a kept text anew once another process on the database has written the index', async () => {
    const store = searchStoreOf(t.payload, { entries: 'entries', votes: 'voteCount' })
    // Another process's store: the same database, none of this one's memory.
    const other = sqliteSearchStore(t.payload, { entries: 'entries', votes: 'voteCount' })
    const ask = (offset: number) =>
      store.search({
        match: queryTokens('慢病管理'),
        filters: {},
        sort: 'newest',
        offset,
        limit: 5,
      })
    const before = await ask(0)
    expect(await ask(0)).toEqual(before)
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    const added = {
      id: 2_000_000,
      year: 2024,
      province: '云南省',
      fields: ['慢病管理新案例', '', ''],
    }
    await other.put(req, generatedSearchDoc(added, 'gen'))
    await commitTransaction(req)
    const after = await ask(0)
    expect(after.totalDocs).toBe(before.totalDocs + 1)
    expect(after.ids[0]).toBe(added.id)
    expect((await ask(1)).ids).toEqual(before.ids.slice(0, 5))
    const province = after.facets.province.find((row) => row.value === '云南省')
    expect(province?.count).toBe(
      (before.facets.province.find((row) => row.value === '云南省')?.count ?? 0) + 1,
    )
  })
})

describe('/api/search on real entries', () => {
  let campaignId: number

  beforeAll(async () => {
    const campaign = await t.payload.create({
      collection: 'campaigns',
      data: {
        title: '检索测试活动',
        slug: 'search-test',
        year: 2026,
        _status: 'published',
        tracks: [
          {
            key: 'case',
            name: '图文案例',
            kind: 'text-image',
            tiers: [
              { key: 'best', name: '最佳案例', kind: 'count', value: 1 },
              { key: 'good', name: '优秀案例', kind: 'count', value: 2 },
            ],
          },
        ],
      } as never,
      depth: 0,
    })
    campaignId = campaign.id as number
  })

  const search = async (query: string) => {
    const reply = await api.rest('GET', `/search?${query}`)
    return reply as {
      status: number
      body: SearchPage & { errors?: { field: string; code: string }[] }
    }
  }
  const entry = (title: string, status: string, province = '四川省') =>
    t.payload.create({
      collection: 'entries',
      data: {
        title,
        abstract: `${title}的做法与成效。`,
        campaign: campaignId,
        track: 'case',
        status,
        province,
        sections: [{ heading: '主要做法', body: '依托家庭医生团队开展随访，推广合理膳食。' }],
      } as never,
      depth: 0,
    })

  it('should find a public entry by its title, abstract or section text, with the match marked, and never a draft', async () => {
    const shown = await entry('县域慢病管理的数字化探索', 'voting')
    await entry('县域慢病管理草稿', 'draft')
    const byTitle = await search(`q=${encodeURIComponent('慢病管理')}&campaign=search-test`)
    expect(byTitle.status).toBe(200)
    expect(byTitle.body.docs.map((d) => d.id)).toEqual([shown.id])
    expect(byTitle.body.docs[0]!.titleParts.filter((p) => p.hit).map((p) => p.text)).toEqual([
      '慢病管理',
    ])
    expect(byTitle.body.facets.province).toEqual([{ value: '四川省', label: '四川省', count: 1 }])
    const bySection = await search(`q=${encodeURIComponent('合理膳食')}&campaign=search-test`)
    expect(bySection.body.totalDocs).toBe(1)
    expect(bySection.body.docs[0]!.snippet.some((p) => p.hit && p.text === '合理膳食')).toBe(true)
  })

  it('should follow an editor’s change of title, and drop an entry that leaves public display', async () => {
    const doc = await entry('社区护理服务站建设', 'voting', '浙江省')
    await t.payload.update({
      collection: 'entries',
      id: doc.id,
      data: { title: '社区康复服务站建设', abstract: '社区康复服务站的做法。' } as never,
      depth: 0,
    })
    expect((await search(`q=${encodeURIComponent('护理服务站')}`)).body.totalDocs).toBe(0)
    expect((await search(`q=${encodeURIComponent('康复服务站')}`)).body.totalDocs).toBe(1)
    await t.payload.update({
      collection: 'entries',
      id: doc.id,
      data: { status: 'returned' } as never,
      depth: 0,
    })
    expect((await search(`q=${encodeURIComponent('康复服务站')}`)).body.totalDocs).toBe(0)
  })

  it('should order by votes, and by award tier then votes, across the page where the awarded end', async () => {
    const made: { id: number; votes: number; award: string | null }[] = []
    const plan: [number, string | null][] = [
      [5, null],
      [9, '优秀案例'],
      [2, '最佳案例'],
      [9, null],
      [0, null],
      [7, '优秀案例'],
      [9, null],
    ]
    for (const [votes, award] of plan) {
      const doc = await t.payload.create({
        collection: 'entries',
        data: {
          title: `得票排序案例${made.length}`,
          campaign: campaignId,
          track: 'case',
          status: 'voting',
          voteCount: votes,
          ...(award ? { award: { name: award } } : {}),
        } as never,
        depth: 0,
      })
      made.push({ id: doc.id as number, votes, award })
    }
    const store = searchStoreOf(t.payload, { entries: 'entries', votes: 'voteCount' })
    const ask = async (sort: 'votes' | 'award', offset: number, limit: number) =>
      (
        await store.search({
          match: queryTokens('得票排序案例'),
          filters: {},
          sort,
          offset,
          limit,
        })
      ).ids.map(Number)
    // Ties go to the newer entry (the larger id).
    const byVotes = [...made].sort((a, b) => b.votes - a.votes || b.id - a.id).map((m) => m.id)
    const rank = (m: (typeof made)[number]) =>
      m.award === '最佳案例' ? 3 : m.award === '优秀案例' ? 2 : 0
    const byAward = [...made]
      .sort((a, b) => rank(b) - rank(a) || b.votes - a.votes || b.id - a.id)
      .map((m) => m.id)
    expect(await ask('votes', 0, 10)).toEqual(byVotes)
    expect(await ask('award', 0, 10)).toEqual(byAward)
    // Pages of two: the second and third straddle the last awarded entry.
    for (const offset of [0, 2, 4, 6]) {
      expect(await ask('votes', offset, 2), `votes ${offset}`).toEqual(
        byVotes.slice(offset, offset + 2),
      )
      expect(await ask('award', offset, 2), `award ${offset}`).toEqual(
        byAward.slice(offset, offset + 2),
      )
    }
  })

  it('should refuse a long query or a malformed filter, naming the field and the limit', async () => {
    const long = await search(`q=${encodeURIComponent('膳'.repeat(51))}`)
    expect(long.status).toBe(400)
    expect(long.body.errors?.[0]).toMatchObject({ field: 'q', code: 'tooLong', limit: 50 })
    expect((await search('year=twenty')).status).toBe(400)
    expect((await search('page=9999')).status).toBe(400)
  })
})
