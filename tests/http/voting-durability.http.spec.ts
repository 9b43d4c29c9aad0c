import { randomUUID } from 'node:crypto'

import { votingService } from '@exemplar/plugin-voting'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { startCms, type RunningCms } from '../helpers/servers'
import { voteClient, votingFixture } from '../helpers/voting'

/**
 * The CMS process is killed with SIGKILL in the middle of a burst and started
 * again; the clients retry what was not answered with the same idempotency
 * keys, as the site's vote button does. An acknowledged vote is durable: it is
 * in the database after the crash, and no retry counts it twice.
 */
let t: TestPayload
let payload: Payload
let cms: RunningCms | undefined
let fixture: Awaited<ReturnType<typeof votingFixture>>

interface Attempt {
  token: string
  voterIndex: number
  entry: string
  entryId: string
  key: string
}

const VOTERS = 200
const ENTRIES = 30
const KILL_AFTER = 2_500

const attempts: Attempt[] = []
const acknowledged = new Map<Attempt, Record<string, unknown>>()
let cutOff = 0
let missingAfterCrash: string[] = []

async function storedPairs(): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'votes',
    where: { campaign: { equals: fixture.campaign.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((d) => `${String(d.voter)}|${String(d.entry)}`)
}

async function send(client: ReturnType<typeof voteClient>, list: Attempt[], onAck: () => void) {
  let next = 0
  const worker = async () => {
    while (next < list.length) {
      const attempt = list[next++]!
      try {
        const res = await client.vote(attempt.token, {
          entry: attempt.entry,
          idempotencyKey: attempt.key,
        })
        if (res.status === 200) {
          acknowledged.set(attempt, res.body)
          onAck()
        }
      } catch {
        // The connection died with the process: not acknowledged, retried later.
      }
    }
  }
  await Promise.all(Array.from({ length: 64 }, worker))
}

beforeAll(async () => {
  t = await bootPayload('durability')
  payload = t.payload
  fixture = await votingFixture(payload, { slug: 'durable', entries: ENTRIES, voters: VOTERS })
  // Every voter votes for every entry once (6,000 votes) and repeats 30 % of them
  // with a fresh key, as a second click would; the order is shuffled.
  fixture.tokens.forEach((token, voterIndex) => {
    fixture.entries.forEach((entry, e) => {
      const base = { token, voterIndex, entry: String(entry.number), entryId: String(entry.id) }
      attempts.push({ ...base, key: randomUUID() })
      if ((voterIndex + e) % 10 < 3) {
        attempts.push({ ...base, key: randomUUID() })
      }
    })
  })
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1)
    ;[attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!]
  }

  const env = {
    databaseUri: process.env.DATABASE_URI!,
    dataDir: process.env.EXEMPLAR_DATA_DIR!,
  }
  cms = await startCms(env)
  const port = Number(new URL(cms.url).port)
  const first = voteClient(cms.url, 64)
  let acks = 0
  const killed = cms
  await send(first, attempts, () => {
    acks += 1
    if (acks === KILL_AFTER) {
      killed.child.kill('SIGKILL')
    }
  })
  first.close()
  cutOff = attempts.length - acknowledged.size
  // Read straight after the crash, before any retry could fill a gap.
  const stored = new Set(await storedPairs())
  missingAfterCrash = [...acknowledged.keys()]
    .map((a) => `${fixture.voterIds[a.voterIndex]}|${a.entryId}`)
    .filter((pair) => !stored.has(pair))

  cms = await startCms({ ...env, port })
  const second = voteClient(cms.url, 64)
  await send(
    second,
    attempts.filter((a) => !acknowledged.has(a)),
    () => undefined,
  )
  second.close()
}, 300_000)

afterAll(async () => {
  await cms?.stop()
  await t?.cleanup()
})

describe('a CMS killed with SIGKILL in the middle of a burst of votes', () => {
  it('should have died with requests unanswered, and answered them all after the restart', () => {
    expect(cutOff).toBeGreaterThan(0)
    expect(acknowledged.size).toBe(attempts.length)
  })

  it('should have stored every vote acknowledged before the crash', () => {
    expect(missingAfterCrash).toEqual([])
  })

  it('should hold exactly one record per voter and entry after the retries', async () => {
    const pairs = await storedPairs()
    expect(new Set(pairs).size).toBe(pairs.length)
    expect(pairs).toHaveLength(VOTERS * ENTRIES)
  })

  it('should never answer "counted" twice for one vote, even for retries of a request the crash cut off', () => {
    const counted = [...acknowledged.entries()].filter(([, body]) => body.counted === true)
    const pairs = counted.map(([a]) => `${a.voterIndex}|${a.entryId}`)
    expect(new Set(pairs).size).toBe(pairs.length)
    expect(counted.length).toBeGreaterThanOrEqual(VOTERS * ENTRIES - cutOff)
  })

  it('should leave every tally equal to its vote records', async () => {
    const records = await votingService(payload, payload.config.custom.voting).store.countVotes(
      fixture.campaign.id,
    )
    const { docs } = await payload.find({
      collection: 'entries',
      where: { campaign: { equals: fixture.campaign.id } },
      pagination: false,
      depth: 0,
    })
    const tallies = docs
      .filter((d) => d.status === 'voting')
      .map((d) => [String(d.id), d.voteCount])
    expect(Object.fromEntries(tallies)).toEqual(
      Object.fromEntries(fixture.entries.map((e) => [String(e.id), VOTERS])),
    )
    expect(Object.fromEntries(records)).toEqual(Object.fromEntries(tallies))
  })
})
