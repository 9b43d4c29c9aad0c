import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootHost, callRoute, type Doc, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar (test/host.ts): a member
 * objects to a listed work while the contest's publicity is open; out of
 * the window, twice, or with too long a text it is refused and nothing is
 * stored; a chair dismisses one and upholds another, which strikes the
 * work and freezes a verdict with the reason.
 */
let host: Host
let chair: Doc
let member: Doc
let open: Doc
let closed: Doc
const works: Doc[] = []
const day = 86_400_000

async function create(collection: string, data: Record<string, unknown>): Promise<Doc> {
  return (await host.payload.create({
    collection: collection as never,
    data: data as never,
  })) as unknown as Doc
}

const complaints = async () =>
  (
    await host.payload.find({
      collection: 'complaints' as never,
      sort: 'id',
      depth: 0,
      pagination: false,
    })
  ).docs as unknown as Doc[]

const publicity = (from: number, to: number) => [
  {
    kind: 'publicity',
    startsAt: new Date(Date.now() + from * day).toISOString(),
    endsAt: new Date(Date.now() + to * day).toISOString(),
  },
]

beforeAll(async () => {
  host = await bootHost('decide')
  chair = await create('members', { email: 'c@x.org', password: 'pw-chair-1', role: 'chair' })
  member = await create('members', {
    email: 'm@x.org',
    password: 'pw-member-1',
    role: 'member',
    mail: 'm@x.org',
  })
  open = await create('contests', { name: '诗会', stages: publicity(-2, 5) })
  closed = await create('contests', { name: '旧诗会', stages: publicity(-30, -23) })
  for (const [i, contest] of [open, open, open, closed].entries()) {
    works.push(
      await create('works', {
        name: `作品 ${i + 1}`,
        code: `W-${i + 1}`,
        state: i === 2 ? 'draft' : 'listed',
        contest: contest.id,
      }),
    )
  }
})

afterAll(async () => {
  await host?.cleanup()
})

describe('raising an objection', () => {
  it('should refuse the signed out, a closed publicity, an unlisted work and too long a text, storing nothing', async () => {
    const raise = (user: Doc | null, body: unknown) => callRoute(host, user, '/raise', body)
    expect((await raise(null, { entry: works[0]!.id, text: '数据虚报' })).status).toBe(401)
    const late = await raise(member, { entry: works[3]!.id, text: '数据虚报' })
    expect(late.status).toBe(409)
    expect(JSON.stringify(late.body)).toMatch(
      /只在公示期内受理（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/,
    )
    expect((await raise(member, { entry: works[2]!.id, text: '数据虚报' })).status).toBe(404)
    const long = await raise(member, { entry: works[0]!.id, text: '字'.repeat(2001) })
    expect(long.status).toBe(400)
    expect(JSON.stringify(long.body)).toContain('不超过 2000 字，现为 2001 字')
    expect((await raise(member, { entry: works[0]!.id, text: '  ' })).status).toBe(400)
    expect(await complaints()).toHaveLength(0)
  })

  it('should take one open objection per member and work', async () => {
    const first = await callRoute(host, member, '/raise', { entry: works[0]!.id, text: '数据虚报' })
    expect(first.status).toBe(201)
    const again = await callRoute(host, member, '/raise', { entry: works[0]!.id, text: '再次' })
    expect(again.status).toBe(409)
    expect(
      (await callRoute(host, member, '/raise', { entry: works[1]!.id, text: '抄袭' })).status,
    ).toBe(201)
    const [one] = await complaints()
    expect(one).toMatchObject({ status: 'open', summary: 'W-1 作品 1', objector: member.id })
  })
})

describe('deciding an objection', () => {
  it('should let only chairs decide, with a reason', async () => {
    const [one] = await complaints()
    const params = { id: String(one!.id) }
    expect(
      (await callRoute(host, member, '/:id/decide', { decision: 'uphold', reason: '查实' }, params))
        .status,
    ).toBe(403)
    const bare = await callRoute(host, chair, '/:id/decide', { decision: 'uphold' }, params)
    expect(bare.status).toBe(400)
    expect((await complaints())[0]!.status).toBe('open')
  })

  it('should dismiss one, leaving the work listed, and uphold another, striking it and freezing again', async () => {
    const [one, two] = await complaints()
    const dismissed = await callRoute(
      host,
      chair,
      '/:id/decide',
      { decision: 'dismiss', reason: '经核实数据属实' },
      { id: String(two!.id) },
    )
    expect(dismissed.status).toBe(200)
    const upheld = await callRoute(
      host,
      chair,
      '/:id/decide',
      { decision: 'uphold', reason: '经核实随访率数据虚报' },
      { id: String(one!.id) },
    )
    expect(upheld.status).toBe(200)
    const work = (await host.payload.findByID({
      collection: 'works' as never,
      id: works[0]!.id,
    })) as unknown as Doc
    expect(work).toMatchObject({ state: 'struck', why: 'fraud: 经核实随访率数据虚报' })
    const other = (await host.payload.findByID({
      collection: 'works' as never,
      id: works[1]!.id,
    })) as unknown as Doc
    expect(other.state).toBe('listed')
    const { docs: verdicts } = await host.payload.find({ collection: 'verdicts' as never })
    expect(verdicts).toHaveLength(1)
    expect((verdicts[0] as unknown as Doc).reason).toBe('异议成立：经核实随访率数据虚报')
    const after = await complaints()
    expect(after.map((c) => c.status)).toEqual(['upheld', 'dismissed'])
    expect(after[0]!.snapshotId).toBe(String((verdicts[0] as unknown as Doc).id))
    const twice = await callRoute(
      host,
      chair,
      '/:id/decide',
      { decision: 'dismiss', reason: '再议' },
      { id: String(one!.id) },
    )
    expect(twice.status).toBe(409)
  })
})
