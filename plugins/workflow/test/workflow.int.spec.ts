import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { applyTransition } from '../src'
import { type resolveWorkflowOptions } from '../src/options'
import { bootHost, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar (test/host.ts): renamed slugs
 * and fields, its own editors. A fault injected after the status write
 * (`onTransition` throwing) leaves neither the new status nor a history row
 * nor a queued mail.
 */
let host: Host
let failNext = false
let staff: Record<string, unknown>
let author: Record<string, unknown>
let contest: Record<string, unknown>

beforeAll(async () => {
  host = await bootHost('plain', {
    onTransition: () => {
      if (failNext) {
        failNext = false
        throw new Error('injected fault after the status write')
      }
    },
  })
  const { payload } = host
  staff = await payload.create({
    collection: 'members' as never,
    data: { email: 'staff@host.example', password: 'host-password', staff: true } as never,
  })
  author = await payload.create({
    collection: 'members' as never,
    data: { email: 'author@host.example', password: 'host-password' } as never,
  })
  contest = await payload.create({
    collection: 'contests' as never,
    data: { title: '别的比赛', timeline: [] } as never,
  })
})

afterAll(async () => {
  await host?.cleanup()
})

async function work(state: string) {
  return (await host.payload.create({
    collection: 'works' as never,
    data: { name: `作品 ${state}`, state, author: author.id, contest: contest.id } as never,
  })) as unknown as Record<string, unknown> & { id: number }
}

async function reqAs(user: Record<string, unknown>): Promise<PayloadRequest> {
  return createLocalReq({ user: { ...user, collection: 'members' } as never }, host.payload)
}

const optionsOf = () =>
  host.payload.config.custom?.workflow as ReturnType<typeof resolveWorkflowOptions>

async function jobs(): Promise<number> {
  const { totalDocs } = await host.payload.count({
    collection: 'payload-jobs' as never,
    where: { queue: { equals: 'mail' } },
  })
  return totalDocs
}

describe('the workflow on another host', () => {
  it('should add its reason list under the host’s slug, filled with the defaults', async () => {
    const { totalDocs } = await host.payload.count({ collection: 'decline-reasons' as never })
    expect(totalDocs).toBeGreaterThan(5)
  })

  it('should move a work through the host’s own field names and record the row', async () => {
    const w = await work('screening')
    const out = await applyTransition(await reqAs(staff), optionsOf(), w.id, 'return', {
      code: 'incomplete',
      text: '缺材料',
    })
    expect(out.ok).toBe(true)
    const stored = (await host.payload.findByID({
      collection: 'works' as never,
      id: w.id,
    })) as unknown as Record<string, unknown>
    expect(stored.state).toBe('returned')
    expect((stored.history as unknown[]).at(-1)).toMatchObject({
      from: 'screening',
      to: 'returned',
      action: 'return',
      role: 'editor',
      reasonCode: 'incomplete',
      reason: '缺材料',
    })
    expect(await jobs()).toBe(1)
  })

  it('should leave neither status, history row nor mail when a fault follows the status write', async () => {
    const w = await work('screening')
    const before = (await host.payload.findByID({
      collection: 'works' as never,
      id: w.id,
    })) as unknown as Record<string, unknown>
    const queued = await jobs()
    failNext = true
    await expect(
      applyTransition(await reqAs(staff), optionsOf(), w.id, 'accept', undefined),
    ).rejects.toThrow('injected fault')
    const after = (await host.payload.findByID({
      collection: 'works' as never,
      id: w.id,
    })) as unknown as Record<string, unknown>
    expect(after.state).toBe('screening')
    expect(after.history).toEqual(before.history)
    expect(await jobs()).toBe(queued)
  })

  it('should refuse the host’s non-staff the editor’s actions, and a Local API write naming a wrong action', async () => {
    const w = await work('screening')
    const out = await applyTransition(await reqAs(author), optionsOf(), w.id, 'accept', undefined)
    expect(out).toMatchObject({ ok: false, status: 403 })
    await expect(
      host.payload.update({
        collection: 'works' as never,
        id: w.id,
        data: { state: 'awarded' } as never,
        context: { workflowAction: 'accept' },
      }),
    ).rejects.toMatchObject({ status: 409 })
  })
})
