import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { remindReviewers } from '../src'
import { callsOn, type Calls, type Doc } from './calls'
import { bootHost, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar (test/host.ts): renamed slugs
 * and fields, its own chairs and reviewers. Routes are called through their
 * handlers with a real request on a real SQLite file.
 */
let host: Host
let chair: Doc
let admin: Doc
let reviewers: Doc[]
let contest: Doc
let sameOrg: Doc
let parentOrg: Doc
let childOrg: Doc
const works: Doc[] = []

const RUBRIC = [
  { key: 'a', label: '真实性', weight: 50, maxScore: 10, description: '真' },
  { key: 'b', label: '创新性', weight: 50, maxScore: 5, description: '新' },
]

let create: Calls['create']
let call: Calls['call']
let rowsOf: Calls['rowsOf']

beforeAll(async () => {
  host = await bootHost('plain')
  ;({ create, call, rowsOf } = callsOn(host))
  chair = await create('members', {
    email: 'chair@host.example',
    password: 'pw-host-1',
    role: 'chair',
    name: '主席',
  })
  admin = await create('members', {
    email: 'admin@host.example',
    password: 'pw-host-1',
    role: 'chair',
    name: '管理员',
  })
  sameOrg = await create('institutions', { name: '甲医院', region: '浙江省' })
  parentOrg = await create('institutions', { name: '乙医共体', region: '江苏省' })
  childOrg = await create('institutions', {
    name: '乙分院',
    region: '江苏省',
    parent: parentOrg.id,
  })
  reviewers = []
  for (let i = 0; i < 6; i++) {
    reviewers.push(
      await create('members', {
        email: `r${i}@host.example`,
        password: 'pw-host-1',
        role: 'reviewer',
        name: `专家${i}`,
        institution: i === 0 ? sameOrg.id : i === 1 ? parentOrg.id : undefined,
      }),
    )
  }
  const day = 86_400_000
  contest = await create('contests', {
    title: '别的比赛',
    slug: 'other-contest',
    timeline: [
      {
        kind: 'review',
        startsAt: new Date(Date.now() + day).toISOString(),
        endsAt: new Date(Date.now() + 2 * day).toISOString(),
      },
    ],
    categories: [{ key: 'case', name: '案例', rubric: RUBRIC }],
  })
  await create('panels-pool', {
    name: '案例专家',
    campaign: contest.id,
    track: 'case',
    reviewers: reviewers.map((r) => r.id),
  })
  for (let i = 0; i < 8; i++) {
    works.push(
      await create('works', {
        name: `作品${i}`,
        code: `W-${i}`,
        contest: contest.id,
        category: 'case',
        summary: `摘要${i}`,
        parts: [{ heading: '背景', body: `正文${i}` }],
        people: [{ name: i === 0 ? '专家5' : `作者${i}` }],
        institution: i % 2 === 0 ? sameOrg.id : childOrg.id,
        region: '浙江省',
      }),
    )
  }
})

afterAll(async () => {
  await host?.cleanup()
})

describe('review on another host', () => {
  it('should add its collections and fields under the host’s names', () => {
    const slugs = host.payload.config.collections.map((c) => c.slug)
    expect(slugs).toEqual(
      expect.arrayContaining(['panels-pool', 'scorecards', 'recusals', 'nudges']),
    )
    const fields = host.payload.collections['works' as never]!.config.flattenedFields.map(
      (f) => f.name,
    )
    expect(fields).toEqual(expect.arrayContaining(['panel', 'score']))
  })

  it('should refuse an infeasible automatic run, name the entries and write nothing', async () => {
    const out = await call(chair, 'post', '/review/assignments', {
      campaign: contest.id,
      mode: 'auto',
      k: 6,
      seed: 's',
    })
    expect(out.status).toBe(409)
    expect((out.body.infeasible as unknown[]).length).toBeGreaterThan(0)
    expect(await rowsOf()).toHaveLength(0)
  })

  it('should give every entry exactly k reviewers without conflicts, loads within 1', async () => {
    const out = await call(chair, 'post', '/review/assignments', {
      campaign: contest.id,
      mode: 'auto',
      k: 2,
      seed: 's',
    })
    expect(out.status).toBe(200)
    const rows = await rowsOf()
    expect(rows).toHaveLength(16)
    for (const w of works) {
      const mine = rows.filter((r) => r.entry === w.id)
      expect(mine).toHaveLength(2)
      // 专家0 is of 甲医院 (even works), 专家1 is 乙分院's parent (odd works), 专家5 wrote 作品0.
      const forbidden =
        w.id === works[0]!.id
          ? [reviewers[0]!.id, reviewers[5]!.id]
          : works.indexOf(w) % 2 === 0
            ? [reviewers[0]!.id]
            : [reviewers[1]!.id]
      expect(mine.map((r) => r.reviewer)).not.toEqual(expect.arrayContaining([forbidden[0]]))
      const stored = (await host.payload.findByID({
        collection: 'works' as never,
        id: w.id,
        depth: 0,
      })) as unknown as Doc
      expect((stored.panel as number[]).sort()).toEqual(
        mine.map((r) => r.reviewer as number).sort(),
      )
    }
    const loads = Object.values(out.body.loads as Record<string, number>)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
  })

  it('should refuse a conflicted manual pair, and let an admin override it with a logged reason', async () => {
    const refused = await call(chair, 'post', '/review/assignments', {
      campaign: contest.id,
      mode: 'manual',
      entries: [works[2]!.id],
      reviewers: [reviewers[0]!.id],
      override: { reason: '无利益关系' },
    })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('同一单位')
    const ok = await call(admin, 'post', '/review/assignments', {
      campaign: contest.id,
      mode: 'manual',
      entries: [works[2]!.id],
      reviewers: [reviewers[0]!.id],
      override: { reason: '无利益关系' },
    })
    expect(ok.status).toBe(200)
    const [row] = await rowsOf({
      entry: { equals: works[2]!.id },
      reviewer: { equals: reviewers[0]!.id },
    })
    expect(row?.override).toMatchObject({
      kinds: ['institution'],
      reason: '无利益关系',
      by: admin.id,
    })
  })

  it('should show a reviewer only assigned works, without identity fields, and refuse filtering on them', async () => {
    const me = reviewers[2]!
    const req = await createLocalReq(
      { user: { ...me, collection: 'members' } as never },
      host.payload,
    )
    const { docs } = await host.payload.find({
      collection: 'works' as never,
      overrideAccess: false,
      user: me,
      req,
      depth: 1,
    })
    const assigned = (await rowsOf({ reviewer: { equals: me.id } })).map((r) => r.entry)
    expect(docs.map((d) => (d as unknown as Doc).id).sort()).toEqual([...assigned].sort())
    for (const doc of docs as unknown as Doc[]) {
      expect(Object.keys(doc)).not.toEqual(expect.arrayContaining(['people']))
      expect(doc).not.toHaveProperty('institution')
      expect(doc).not.toHaveProperty('region')
      expect(doc).not.toHaveProperty('panel')
    }
    await expect(
      host.payload.find({
        collection: 'works' as never,
        overrideAccess: false,
        user: me,
        where: { region: { equals: '浙江省' } } as never,
      }),
    ).rejects.toThrow()
    await expect(
      host.payload.find({
        collection: 'works' as never,
        overrideAccess: false,
        user: me,
        sort: 'institution',
      }),
    ).rejects.toThrow(/筛选或排序/)
  })

  it('should withhold authors and institution from other readers only while a blind review runs and the contest hides them', async () => {
    const day = 86_400_000
    const running = await create('contests', {
      title: '评审中的比赛',
      slug: 'running-contest',
      timeline: [
        {
          kind: 'review',
          startsAt: new Date(Date.now() - day).toISOString(),
          endsAt: new Date(Date.now() + day).toISOString(),
        },
      ],
      categories: [{ key: 'case', name: '案例', rubric: RUBRIC }],
    })
    const reader = await create('members', {
      email: 'reader@host.example',
      password: 'pw-host-1',
      role: 'member',
      name: '读者',
    })
    const author = await create('members', {
      email: 'author@host.example',
      password: 'pw-host-1',
      role: 'member',
      name: '作者本人',
    })
    const work = await create('works', {
      name: '评审中的作品',
      contest: running.id,
      category: 'case',
      people: [{ name: '作者本人' }],
      institution: sameOrg.id,
      region: '浙江省',
      author: author.id,
    })
    const readAs = async (user: Doc, id: number) =>
      (await host.payload.findByID({
        collection: 'works' as never,
        id,
        overrideAccess: false,
        user,
        depth: 0,
      })) as unknown as Doc
    const hidden = await readAs(reader, work.id)
    expect(hidden).not.toHaveProperty('people')
    expect(hidden).not.toHaveProperty('institution')
    // Province is a public facet; only the two named fields are withheld.
    expect(hidden.region).toBe('浙江省')
    expect(JSON.stringify(hidden)).not.toContain('作者本人')
    expect((await readAs(author, work.id)).people).toHaveLength(1)
    expect((await readAs(chair, work.id)).institution).toBe(sameOrg.id)
    // A contest whose review has not started shows them.
    expect((await readAs(reader, works[3]!.id)).people).toHaveLength(1)
    // So does one that chose to show them during review.
    await host.payload.update({
      collection: 'contests' as never,
      id: running.id,
      data: { review: { publicIdentity: true } } as never,
    })
    expect((await readAs(reader, work.id)).people).toHaveLength(1)
  })

  it('should score a task: a draft, a refused partial submit, a submit with the total computed here', async () => {
    const me = reviewers[3]!
    const tasks = await call(me, 'get', '/review/tasks')
    expect(tasks.status).toBe(200)
    const task = (tasks.body.tasks as { id: number; entry: { title: string } }[])[0]!
    const view = await call(me, 'get', `/review/tasks/${task.id}`)
    expect(view.body.rubric).toHaveLength(2)
    expect(JSON.stringify(view.body)).not.toMatch(/甲医院|乙分院|作者|浙江省/)
    expect((await call(me, 'put', `/review/tasks/${task.id}`, { scores: { a: 8 } })).status).toBe(
      200,
    )
    const partial = await call(me, 'post', `/review/tasks/${task.id}/submit`, {
      recommendation: 'recommend',
    })
    expect(partial.status).toBe(400)
    expect(partial.body.errors).toEqual([expect.objectContaining({ field: 'scores.b' })])
    const range = await call(me, 'post', `/review/tasks/${task.id}/submit`, { scores: { b: 6 } })
    expect(range.body.errors).toEqual([
      expect.objectContaining({ field: 'scores.b', code: 'range', limit: 5 }),
    ])
    const done = await call(me, 'post', `/review/tasks/${task.id}/submit`, {
      scores: { b: 4, total: 100 },
      recommendation: 'recommend',
    })
    expect(done.status).toBe(400)
    const ok = await call(me, 'post', `/review/tasks/${task.id}/submit`, {
      scores: { b: 4 },
      recommendation: 'recommend',
      comment: '好',
    })
    expect(ok.status).toBe(200)
    // 50·8/10 + 50·4/5 → (40 + 40) on 0–100.
    expect((ok.body.task as Doc).total).toBe(80)
    expect((await call(me, 'put', `/review/tasks/${task.id}`, { scores: { a: 1 } })).status).toBe(
      409,
    )
    const [row] = await rowsOf({ id: { equals: task.id } })
    const entry = (await host.payload.findByID({
      collection: 'works' as never,
      id: row!.entry as number,
    })) as unknown as Doc
    expect(entry.score).toMatchObject({ average: 80, reviews: 1 })
  })

  it('should let an editor reopen a submitted review, and refuse a reviewer that', async () => {
    const [row] = await rowsOf({ status: { equals: 'submitted' } })
    expect(
      (await call(reviewers[3]!, 'post', `/review/reviews/${row!.id}/reopen`, { reason: 'x' }))
        .status,
    ).toBe(403)
    const ok = await call(chair, 'post', `/review/reviews/${row!.id}/reopen`, {
      reason: '评分有误',
    })
    expect(ok.body.review).toMatchObject({ status: 'draft' })
    const entry = (await host.payload.findByID({
      collection: 'works' as never,
      id: row!.entry as number,
    })) as unknown as Doc
    expect(entry.score).toMatchObject({ average: null, reviews: 0 })
  })

  it('should take a declining reviewer off the work and never offer it to them again', async () => {
    const me = reviewers[4]!
    const [row] = await rowsOf({ reviewer: { equals: me.id } })
    expect((await call(me, 'post', `/review/tasks/${row!.id}/decline`, {})).status).toBe(400)
    const out = await call(me, 'post', `/review/tasks/${row!.id}/conflict`, {
      reason: '曾指导该项目',
    })
    expect(out.status).toBe(200)
    const work = (await host.payload.findByID({
      collection: 'works' as never,
      id: row!.entry as number,
      depth: 0,
    })) as unknown as Doc
    expect(work.panel).not.toContain(me.id)
    expect((await call(me, 'get', `/review/tasks/${row!.id}`)).status).toBe(409)
    const { totalDocs } = await host.payload.count({
      collection: 'recusals' as never,
      where: { reviewer: { equals: me.id } },
    })
    expect(totalDocs).toBe(1)
    const again = await call(chair, 'post', '/review/assignments', {
      campaign: contest.id,
      mode: 'auto',
      k: 2,
      seed: 's',
    })
    expect(again.status).toBe(200)
    const pair = await rowsOf({ entry: { equals: row!.entry }, reviewer: { equals: me.id } })
    expect(pair).toHaveLength(1)
    expect(
      (
        await rowsOf({
          entry: { equals: row!.entry },
          status: { in: ['assigned', 'draft', 'submitted'] },
        })
      ).length,
    ).toBeGreaterThanOrEqual(2)
  })

  it('should serve an attachment under a neutral name, with Range, and strip upload names from reads', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    )
    const file = (await host.payload.create({
      collection: 'uploads' as never,
      data: { note: '张三的照片' } as never,
      file: { data: png, name: '张三-甲医院.png', mimetype: 'image/png', size: png.length },
    })) as unknown as Doc
    const [row] = await rowsOf({ reviewer: { equals: reviewers[2]!.id } })
    await host.payload.update({
      collection: 'works' as never,
      id: row!.entry as number,
      data: { files: [{ file: file.id, caption: '图1' }] } as never,
    })
    const view = await call(reviewers[2]!, 'get', `/review/tasks/${row!.id}`)
    expect(JSON.stringify(view.body)).not.toMatch(/张三|甲医院/)
    const got = await call(reviewers[2]!, 'get', `/review/tasks/${row!.id}/files/0`)
    expect(got.status).toBe(200)
    expect(got.response.headers.get('content-disposition')).not.toMatch(/%E5%BC%A0|张三/)
    expect(Buffer.from(await got.response.arrayBuffer()).equals(png)).toBe(true)
    const me = reviewers[2]!
    const populated = await host.payload.findByID({
      collection: 'works' as never,
      id: row!.entry as number,
      depth: 1,
      overrideAccess: false,
      user: me,
    })
    expect(JSON.stringify(populated)).not.toMatch(/张三|甲医院/)
    await expect(
      host.payload.find({
        collection: 'uploads' as never,
        overrideAccess: false,
        user: me,
        where: { filename: { like: '张' } } as never,
      }),
    ).rejects.toThrow(/筛选或排序/)
  })

  it('should not answer another reviewer’s task, nor a chair’s request for tasks', async () => {
    const [row] = await rowsOf({ reviewer: { equals: reviewers[2]!.id } })
    expect((await call(reviewers[3]!, 'get', `/review/tasks/${row!.id}`)).status).toBe(404)
    expect((await call(chair, 'get', '/review/tasks')).status).toBe(403)
    expect(
      (
        await call(reviewers[3]!, 'get', '/review/progress', undefined, {
          campaign: String(contest.id),
        })
      ).status,
    ).toBe(403)
  })

  it('should queue each reminder once, however often the scan runs', async () => {
    const req = await createLocalReq({}, host.payload)
    const dueAt = new Date(Date.now() + 2 * 86_400_000)
    const first = await remindReviewers(req, new Date(dueAt.getTime() - 70 * 3_600_000))
    const second = await remindReviewers(req, new Date(dueAt.getTime() - 69 * 3_600_000))
    const later = await remindReviewers(req, new Date(dueAt.getTime() - 20 * 3_600_000))
    expect(first).toBeGreaterThan(0)
    expect(second).toBe(0)
    expect(later).toBe(first)
  })

  it('should freeze the normalization once a review is submitted', async () => {
    const [row] = await rowsOf({ reviewer: { equals: reviewers[2]!.id } })
    const ok = await call(reviewers[2]!, 'post', `/review/tasks/${row!.id}/submit`, {
      scores: { a: 5, b: 5 },
      recommendation: 'neutral',
    })
    expect(ok.status).toBe(200)
    await expect(
      host.payload.update({
        collection: 'contests' as never,
        id: contest.id,
        data: { review: { normalization: 'zscore' } } as never,
      }),
    ).rejects.toThrow(/已冻结/)
  })

  it('should export reviews as CSV with a BOM, and refuse a reviewer', async () => {
    const out = await call(chair, 'get', '/review/export', undefined, {
      campaign: 'other-contest',
      what: 'reviews',
      format: 'csv',
    })
    expect(out.status).toBe(200)
    const bytes = new Uint8Array(await out.response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('真实性（满分 10）')
    expect(
      (await call(reviewers[2]!, 'get', '/review/export', undefined, { campaign: 'other-contest' }))
        .status,
    ).toBe(403)
  })
})
