import type { User } from '@exemplar/cms/payload-types'
import { formatEntryNumber, shanghaiYear } from '@exemplar/domain'
import { retryUniqueClash } from '@exemplar/plugin-submissions'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * Entry numbers on the database in force: `<Beijing year>-<campaign
 * code><serial>`, the serial the next one for that campaign and year, also
 * when entries are created at once; the campaign code's own rules.
 */
let t: TestPayload
let payload: Payload
const YEAR = shanghaiYear(new Date())

beforeAll(async () => {
  t = await bootPayload('entry-numbers')
  payload = t.payload
})

afterAll(async () => {
  await t?.cleanup()
})

async function campaign(slug: string, entryPrefix?: string) {
  return payload.create({
    collection: 'campaigns',
    data: {
      title: `编号测试 ${slug}`,
      slug,
      year: YEAR,
      ...(entryPrefix ? { entryPrefix } : {}),
      tracks: [{ key: 'case', name: '案例', kind: 'text-image' }],
      _status: 'published',
    },
  })
}

async function entry(campaignId: number | string, title = '编号测试作品') {
  const doc = await payload.create({
    collection: 'entries',
    data: { title, campaign: campaignId, track: 'case' } as never,
    depth: 0,
  })
  return doc.number
}

async function removeEntries(campaignId: number | string) {
  await payload.delete({ collection: 'entries', where: { campaign: { equals: campaignId } } })
}

describe('entry numbers', () => {
  it('should give ten entries created at once ten distinct consecutive numbers', async () => {
    const c = await campaign('numbers-parallel', 'BX')
    const numbers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => entry(c.id, `并发 ${i}`)),
    )
    expect(new Set(numbers).size).toBe(10)
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => formatEntryNumber(YEAR, 'BX', i + 1)),
    )
    await removeEntries(c.id)
    await payload.delete({ collection: 'campaigns', id: c.id })
  })

  it('should continue after the highest number of the campaign, not after another campaign’s', async () => {
    const mine = await campaign('numbers-mine', 'BY')
    const other = await campaign('numbers-other', 'BYZ')
    await payload.create({
      collection: 'entries',
      data: {
        title: '导入的作品',
        campaign: mine.id,
        track: 'case',
        number: formatEntryNumber(YEAR, 'BY', 41),
      } as never,
    })
    await payload.create({
      collection: 'entries',
      data: {
        title: '另一活动',
        campaign: other.id,
        track: 'case',
        number: formatEntryNumber(YEAR, 'BYZ', 99),
      } as never,
    })
    expect(await entry(mine.id)).toBe(formatEntryNumber(YEAR, 'BY', 42))
    expect(await entry(other.id)).toBe(formatEntryNumber(YEAR, 'BYZ', 100))
    for (const c of [mine, other]) {
      await removeEntries(c.id)
      await payload.delete({ collection: 'campaigns', id: c.id })
    }
  })

  it('should number the entries of a campaign without a code with the fallback code X', async () => {
    const c = await campaign('numbers-legacy')
    expect(await entry(c.id)).toBe(`${YEAR}-X0001`)
    expect(await entry(c.id)).toBe(`${YEAR}-X0002`)
    await removeEntries(c.id)
    await payload.delete({ collection: 'campaigns', id: c.id })
  })
})

describe('a create that lost the race for a number', () => {
  it('should be tried again and take the number after the winner’s', async () => {
    const c = await campaign('numbers-retry', 'BR')
    const winner = await entry(c.id)
    let attempts = 0
    const doc = await retryUniqueClash(payload, 'entries', () => {
      attempts += 1
      // The first attempt carries the number the winner took, as a racing transaction would.
      const number = attempts === 1 ? { number: winner } : {}
      return payload.create({
        collection: 'entries',
        data: { title: '后到的作品', campaign: c.id, track: 'case', ...number } as never,
        depth: 0,
      })
    })
    expect(attempts).toBe(2)
    expect(doc.number).toBe(formatEntryNumber(YEAR, 'BR', 2))
    await removeEntries(c.id)
    await payload.delete({ collection: 'campaigns', id: c.id })
  })

  it('should not be tried again when it was refused for anything else', async () => {
    let attempts = 0
    await expect(
      retryUniqueClash(payload, 'entries', () => {
        attempts += 1
        return payload.create({ collection: 'entries', data: { track: 'case' } as never })
      }),
    ).rejects.toMatchObject({ name: 'ValidationError' })
    expect(attempts).toBe(1)
  })
})

describe('the campaign’s entry number prefix', () => {
  let editor: User

  beforeAll(async () => {
    editor = await payload.create({
      collection: 'users',
      data: {
        email: 'numbers-editor@example.org',
        password: 'pw-123456',
        name: '编辑',
        role: 'editor',
      },
    })
  })

  afterAll(async () => {
    await payload.delete({ collection: 'users', id: editor.id })
  })

  const asEditor = (data: Record<string, unknown>) =>
    payload.create({
      collection: 'campaigns',
      data: {
        title: '编辑新建',
        year: YEAR,
        tracks: [{ key: 'case', name: '案例', kind: 'text-image' }],
        ...data,
      } as never,
      user: editor,
      overrideAccess: false,
    })

  it.each([
    ['missing', {}],
    ['lower case', { entryPrefix: 'yz' }],
    ['five letters', { entryPrefix: 'ABCDE' }],
    ['a digit', { entryPrefix: 'Y2' }],
  ])('should refuse a new campaign whose prefix is %s', async (_, data) => {
    await expect(asEditor({ slug: 'numbers-refused', ...data })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'entryPrefix' })] },
    })
  })

  it('should refuse a prefix another campaign has', async () => {
    const first = await asEditor({ slug: 'numbers-first', entryPrefix: 'DUP' })
    await expect(asEditor({ slug: 'numbers-second', entryPrefix: 'DUP' })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'entryPrefix' })] },
    })
    await payload.delete({ collection: 'campaigns', id: first.id })
  })
})
