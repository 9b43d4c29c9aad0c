import { canonicalJson, totalScore, voteScores, type ResultsBody } from '@exemplar/domain'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootHost, callRoute, type Doc, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar (test/host.ts): formula and
 * tiers on a contest whose categories sit in tabs, preview and freeze as a
 * chair, the hash recomputed from the stored body, a change refused without
 * a reason, and every rank recomputed from the CSV export.
 */
let host: Host
let chair: Doc
let member: Doc
let contest: Doc
const works: Doc[] = []

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

async function create(collection: string, data: Record<string, unknown>): Promise<Doc> {
  return (await host.payload.create({
    collection: collection as never,
    data: data as never,
  })) as unknown as Doc
}

const snapshots = async () =>
  (
    await host.payload.find({
      collection: 'verdicts' as never,
      where: { campaign: { equals: contest.id } } as never,
      sort: 'sequence',
      depth: 0,
      pagination: false,
    })
  ).docs as unknown as Doc[]

/** RFC 4180 records (quoted fields, doubled quotes), the BOM dropped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i]!
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (c === '"') {
        quoted = false
      } else {
        cell += c
      }
    } else if (c === '"') {
      quoted = true
    } else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 1
    } else {
      cell += c
    }
  }
  return rows
}

beforeAll(async () => {
  host = await bootHost('plain')
  chair = await create('members', {
    email: 'chair@host.example',
    password: 'pw-host-1',
    role: 'chair',
  })
  member = await create('members', {
    email: 'm@host.example',
    password: 'pw-host-1',
    role: 'member',
  })
  const org = await create('institutions', { label: '甲医院' })
  contest = await create('contests', {
    name: '示例大赛',
    handle: 'demo-contest',
    categories: [
      {
        key: 'case',
        name: '案例',
        tiers: [
          { key: 'best', name: '最佳案例', kind: 'count', value: 1 },
          { key: 'excellent', name: '优秀案例', kind: 'share', value: 30 },
        ],
      },
      {
        key: 'poem',
        name: '诗歌',
        tiers: [{ key: 'excellent', name: '优秀诗歌', kind: 'count', value: 2 }],
      },
    ],
    results: { expertShare: 60, voteScale: 'max', tieRule: 'expert', promoteNext: true },
  })
  // Ten cases: panel means 50..95, likes shuffled; three poems; one case without a review.
  const likes = [30, 80, 10, 55, 70, 20, 90, 40, 60, 5]
  for (let i = 0; i < 10; i += 1) {
    works.push(
      await create('works', {
        name: `案例 ${i + 1}`,
        code: `2026-HC${String(i + 1).padStart(4, '0')}`,
        state: i % 2 === 0 ? 'judged' : 'shown',
        contest: contest.id,
        category: 'case',
        institution: org.id,
        region: '浙江省',
        likes: likes[i],
        panelMean: 50 + i * 5,
        panelCount: 3,
        frozen: { versionId: `v${i}`, sha256: sha256(`case ${i}`) },
      }),
    )
  }
  works.push(
    await create('works', {
      name: '未评案例',
      code: '2026-HC0011',
      state: 'shown',
      contest: contest.id,
      category: 'case',
      likes: 100,
    }),
  )
  for (let i = 0; i < 3; i += 1) {
    works.push(
      await create('works', {
        name: `诗 ${i + 1}`,
        code: `2026-HC01${i}0`,
        state: 'judged',
        contest: contest.id,
        category: 'poem',
        likes: 10,
        panelMean: 80,
        panelCount: 2,
      }),
    )
  }
  // Not in a ranked state: never counted.
  await create('works', {
    name: '草稿',
    code: '2026-HC0999',
    state: 'draft',
    contest: contest.id,
    category: 'case',
  })
})

afterAll(async () => {
  await host?.cleanup()
})

describe('fields on the host', () => {
  it('should add the formula to the contest and tiers to each category inside the tabs', async () => {
    const read = (await host.payload.findByID({
      collection: 'contests' as never,
      id: contest.id,
      depth: 0,
    })) as unknown as {
      results: Record<string, unknown>
      categories: { tiers: { key: string; value: number }[] }[]
    }
    expect(read.results).toMatchObject({
      expertShare: 60,
      voteScale: 'max',
      tieRule: 'expert',
      publicityDays: 7,
    })
    expect(read.categories[0]!.tiers.map((t) => [t.key, t.value])).toEqual([
      ['best', 1],
      ['excellent', 30],
    ])
  })

  it('should refuse tiers with a repeated key and a share over 100, naming the tier', async () => {
    const messages = (error: unknown) =>
      ((error as { data?: { errors?: { message: string }[] } }).data?.errors ?? [])
        .map((e) => e.message)
        .join(' ')
    const refusal = await host.payload
      .update({
        collection: 'contests' as never,
        id: contest.id,
        data: {
          categories: [
            {
              key: 'case',
              name: '案例',
              tiers: [
                { key: 'best', name: '最佳', kind: 'count', value: 1 },
                { key: 'best', name: '优秀', kind: 'count', value: 2 },
              ],
            },
          ],
        } as never,
      })
      .catch((error: unknown) => error)
    expect(messages(refusal)).toContain('第 2 个奖项的标识“best”重复')
    const share = await host.payload
      .update({
        collection: 'contests' as never,
        id: contest.id,
        data: { results: { expertShare: 120 } } as never,
      })
      .catch((error: unknown) => error)
    expect(messages(share)).toMatch(/100/)
  })
})

describe('preview and freeze', () => {
  it('should refuse the signed-out and anyone but a chair', async () => {
    expect(
      (
        await callRoute(host, null, 'get', '/results/preview', undefined, {
          campaign: 'demo-contest',
        })
      ).status,
    ).toBe(401)
    const refused = await callRoute(host, member, 'post', '/results/freeze', {
      campaign: contest.id,
    })
    expect(refused.status).toBe(403)
    expect(await snapshots()).toHaveLength(0)
  })

  it('should preview the ranking within the quotas without storing anything', async () => {
    const { status, body } = await callRoute(host, chair, 'get', '/results/preview', undefined, {
      campaign: 'demo-contest',
    })
    expect(status).toBe(200)
    const results = body.body as ResultsBody
    const cases = results.tracks.find((t) => t.key === 'case')!
    // 11 cases passed screening: best 1, excellent ⌊30 % × 11⌋ = 3.
    expect(cases.base).toBe(11)
    expect(cases.tiers.map((t) => [t.key, t.limit, t.filled])).toEqual([
      ['best', 1, 1],
      ['excellent', 3, 3],
    ])
    // Votes scale by the track's most, 100 (the unreviewed case): case 7 = 0.6·80 + 0.4·90 = 84,
    // case 9 = 0.6·90 + 0.4·60 = 78, case 5 = 0.6·70 + 0.4·70 = 70, case 8 = 0.6·85 + 0.4·40 = 67.
    expect(cases.rows.slice(0, 4).map((r) => [r.title, r.total, r.rank, r.tier])).toEqual([
      ['案例 7', 84, 1, 'best'],
      ['案例 9', 78, 2, 'excellent'],
      ['案例 5', 70, 3, 'excellent'],
      ['案例 8', 67, 4, 'excellent'],
    ])
    expect(cases.rows[0]).toMatchObject({ institution: '甲医院', pinnedVersion: 'v6' })
    expect(cases.rows.find((r) => r.title === '未评案例')).toMatchObject({
      rank: null,
      unranked: 'unreviewed',
      tier: null,
    })
    // Three poems tie on every key but the number: the rule breaks it, two of them win.
    const poems = results.tracks.find((t) => t.key === 'poem')!
    expect(poems.rows.map((r) => [r.number, r.rank, r.tier])).toEqual([
      ['2026-HC0100', 1, 'excellent'],
      ['2026-HC0110', 2, 'excellent'],
      ['2026-HC0120', 3, null],
    ])
    expect(body.sha256).toBe(sha256(canonicalJson(results)))
    expect(body.latest).toBeNull()
    expect(await snapshots()).toHaveLength(0)
  })

  it('should freeze once, and give the same hash and no new snapshot when frozen again unchanged', async () => {
    const first = await callRoute(host, chair, 'post', '/results/freeze', {
      campaign: 'demo-contest',
    })
    expect(first.status).toBe(201)
    const snapshot = first.body.snapshot as Doc
    expect(snapshot).toMatchObject({ sequence: 1 })
    // Anyone recomputes the hash from the stored body alone.
    expect(snapshot.sha256).toBe(sha256(canonicalJson(snapshot.body)))
    const again = await callRoute(host, chair, 'post', '/results/freeze', { campaign: contest.id })
    expect(again.status).toBe(200)
    expect(again.body.created).toBe(false)
    expect((again.body.snapshot as Doc).sha256).toBe(snapshot.sha256)
    expect(await snapshots()).toHaveLength(1)
  })

  it('should refuse a changed result without a reason, storing nothing, and freeze it with one', async () => {
    // A revocation: case 7 (rank 1) is struck, so case 10 moves up (promoteNext).
    await host.payload.update({
      collection: 'works' as never,
      id: works[6]!.id,
      data: { state: 'struck' } as never,
    })
    const refused = await callRoute(host, chair, 'post', '/results/freeze', {
      campaign: contest.id,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ])
    expect(String((refused.body.errors as { message: string }[])[0]!.message)).toContain('第 1 版')
    const tooLong = await callRoute(host, chair, 'post', '/results/freeze', {
      campaign: contest.id,
      reason: '异'.repeat(1001),
    })
    expect(tooLong.status).toBe(400)
    expect((tooLong.body.errors as { message: string }[])[0]!.message).toContain('1000')
    expect(await snapshots()).toHaveLength(1)
    const second = await callRoute(host, chair, 'post', '/results/freeze', {
      campaign: contest.id,
      reason: '公示期间查实案例 7 弄虚作假，撤销其奖项',
    })
    expect(second.status).toBe(201)
    const stored = await snapshots()
    expect(stored.map((s) => s.sequence)).toEqual([1, 2])
    expect(stored[1]).toMatchObject({
      previous: stored[0]!.id,
      reason: '公示期间查实案例 7 弄虚作假，撤销其奖项',
    })
    expect(stored[1]!.sha256).not.toBe(stored[0]!.sha256)
    const body = stored[1]!.body as ResultsBody
    const cases = body.tracks.find((t) => t.key === 'case')!
    expect(cases.rows.find((r) => r.title === '案例 7')).toMatchObject({
      revoked: true,
      unranked: 'revoked',
      tier: null,
    })
    expect(cases.rows[0]!.tier).toBe('best')
    // The old snapshot stays as it was.
    expect(((stored[0]!.body as ResultsBody).tracks[0]!.rows[0] as { title: string }).title).toBe(
      '案例 7',
    )
  })

  it('should let no one change or delete a snapshot through the API', async () => {
    const [first] = await snapshots()
    await expect(
      host.payload.update({
        collection: 'verdicts' as never,
        id: first!.id,
        data: { reason: 'x' } as never,
        overrideAccess: false,
        user: { ...chair, collection: 'members' } as never,
      }),
    ).rejects.toThrow()
    await expect(
      host.payload.delete({
        collection: 'verdicts' as never,
        id: first!.id,
        overrideAccess: false,
        user: { ...chair, collection: 'members' } as never,
      }),
    ).rejects.toThrow()
    expect(await snapshots()).toHaveLength(2)
  })
})

describe('the export', () => {
  it('should let anyone recompute every total and rank from the CSV and the published formula', async () => {
    const latest = (await snapshots()).at(-1)!
    const { status, response } = await callRoute(
      host,
      null,
      'get',
      `/results/snapshots/${latest.id}/export`,
    )
    expect(status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const [header, ...rows] = parseCsv(await response.text())
    const col = (name: string) => header!.indexOf(name)
    const body = latest.body as ResultsBody
    const share = body.formula.expertShare
    for (const track of body.tracks) {
      const mine = rows.filter((r) => r[col('类别标识')] === track.key)
      const ranked = mine.filter((r) => r[col('状态')] !== '已撤销')
      const scaled = voteScores(
        ranked.map((r) => Number(r[col('票数')])),
        body.formula.voteScale,
      )
      const recomputed = ranked.map((r, i) => ({
        number: r[col('作品编号')]!,
        expert: r[col('专家评分')] === '' ? null : Number(r[col('专家评分')]),
        votes: Number(r[col('票数')]),
        total: totalScore(
          r[col('专家评分')] === '' ? null : Number(r[col('专家评分')]),
          scaled[i]!,
          share,
        ),
        published: r[col('总分')] === '' ? null : Number(r[col('总分')]),
        rank: r[col('名次')] === '' ? null : Number(r[col('名次')]),
      }))
      for (const r of recomputed) {
        expect(r.total).toBe(r.published)
      }
      // The tie rule `expert`: total, then expert score, then votes, then the entry number.
      const order = recomputed
        .filter((r) => r.total !== null)
        .sort(
          (a, b) =>
            b.total! - a.total! ||
            b.expert! - a.expert! ||
            b.votes - a.votes ||
            a.number.localeCompare(b.number),
        )
      expect(order.map((r) => r.rank)).toEqual(order.map((_, i) => i + 1))
      expect(mine.length).toBe(track.rows.length)
    }
  })

  it('should answer 404 for an unknown snapshot and 400 for a malformed id', async () => {
    expect((await callRoute(host, null, 'get', '/results/snapshots/99999/export')).status).toBe(404)
    expect((await callRoute(host, null, 'get', '/results/snapshots/x%27/export')).status).toBe(400)
  })
})
