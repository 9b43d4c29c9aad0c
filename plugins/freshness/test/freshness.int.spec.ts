import { FRESHNESS_RETENTION_MS } from '@exemplar/domain'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHANGES_PAGE_MAX, recordPageChange, type PageChange } from '../src'
import { askChanges, bootHost, type Doc, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar (test/host.ts): saving a shown
 * article records its pages' tags, a hidden one records nothing, a change
 * rolled back leaves no row, and the changes route answers what changed
 * since a time, or tells the site to drop everything.
 */
let host: Host

beforeAll(async () => {
  host = await bootHost('changes')
})

afterAll(async () => {
  await host?.cleanup()
})

const create = async (data: Record<string, unknown>) =>
  (await host.payload.create({
    collection: 'articles' as never,
    data: data as never,
  })) as unknown as Doc

const changesSince = async (since: number): Promise<PageChange[]> => {
  const answer = await askChanges(host, `since=${since}`)
  expect(answer.status).toBe(200)
  expect(answer.body.reset).toBe(false)
  return answer.body.changes as PageChange[]
}

describe('recording changes', () => {
  it('should record the tags of the pages a shown article is on, and nothing for a hidden one', async () => {
    const before = Date.now() - 1
    const shown = await create({ title: '合理膳食', section: 'food', shown: true })
    await create({ title: '草稿', section: 'food', shown: false })
    const changes = await changesSince(before)
    expect(changes.map((c) => c.tags)).toEqual([[`article:${shown.id}`, 'section:food', 'front']])
    expect(changes[0]!.at).toBeGreaterThanOrEqual(before)
  })

  it('should record hiding a shown article, on the pages it was on, and deleting one', async () => {
    const article = await create({ title: '控烟', section: 'smoke', shown: true })
    const before = Date.now() - 1
    await host.payload.update({
      collection: 'articles' as never,
      id: article.id,
      data: { shown: false } as never,
    })
    await host.payload.update({
      collection: 'articles' as never,
      id: article.id,
      data: { title: '仍隐藏' } as never,
    })
    const shownAgain = await create({ title: '运动', section: 'move', shown: true })
    await host.payload.delete({ collection: 'articles' as never, id: shownAgain.id })
    const tags = (await changesSince(before)).map((c) => c.tags[0])
    expect(tags).toEqual([
      `article:${article.id}`,
      `article:${shownAgain.id}`,
      `article:${shownAgain.id}`,
    ])
  })

  it('should leave no row when the change is rolled back', async () => {
    const before = Date.now() - 1
    const req = await createLocalReq({}, host.payload)
    await initTransaction(req)
    await host.payload.create({
      collection: 'articles' as never,
      data: { title: '回滚', section: 'x', shown: true } as never,
      req,
    })
    await killTransaction(req)
    expect(await changesSince(before)).toEqual([])
    const found = await host.payload.find({
      collection: 'articles' as never,
      where: { title: { equals: '回滚' } },
    })
    expect(found.totalDocs).toBe(0)
  })

  it('should drop tags that are not plain, and record nothing when none is left', async () => {
    const before = Date.now() - 1
    const req = await createLocalReq({}, host.payload)
    await recordPageChange(req, ['bad tag', 'x'.repeat(200), 'front', 'front'])
    await recordPageChange(req, ['<script>'])
    expect((await changesSince(before)).map((c) => c.tags)).toEqual([['front']])
  })
})

describe('GET /api/freshness/changes', () => {
  it('should tell a site without a time, or with one older than the changes kept, to drop every page', async () => {
    for (const query of ['', 'since=', `since=${Date.now() - FRESHNESS_RETENTION_MS - 60_000}`]) {
      const answer = await askChanges(host, query)
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({ changes: [], reset: true })
      expect(Math.abs(Number(answer.body.now) - Date.now())).toBeLessThan(5_000)
    }
  })

  it('should refuse a time that is not a plain number, naming the field, before asking the database', async () => {
    for (const since of ['abc', '-5', '1e12', '9'.repeat(16), '1'.repeat(5_000)]) {
      const answer = await askChanges(host, `since=${since}`)
      expect(answer.status).toBe(400)
      expect(answer.body.errors).toEqual([
        { code: 'since', field: 'since', message: 'since 须为毫秒时间戳（至多 15 位数字）' },
      ])
    }
  })

  it(`should tell the site to drop every page when more than ${CHANGES_PAGE_MAX} changes came since`, async () => {
    const before = Date.now() - 1
    const req = await createLocalReq({}, host.payload)
    await initTransaction(req)
    for (let i = 0; i <= CHANGES_PAGE_MAX; i++) {
      await recordPageChange(req, [`article:${i}`])
    }
    const { commitTransaction } = await import('payload')
    await commitTransaction(req)
    const answer = await askChanges(host, `since=${before}`)
    expect(answer.body).toMatchObject({ changes: [], reset: true })
  })
})
