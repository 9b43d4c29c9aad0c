/**
 * `npm run bench -- votes`: the vote endpoint and the leaderboard read, each
 * against baselines measured in the same run, on a real CMS server process
 * over a real SQLite file.
 *
 *  (a) POST /api/voting/votes — every request a new (voter, entry) pair;
 *  (b) Payload's generic REST create (POST /api/themes as an editor);
 *  (c) a bare Node `http` server answering 204, loaded twice by the same
 *      client as the runs it is compared with: once with (a)'s vote requests
 *      (ratio_bare of votes), once with (d)'s GET (ratio_bare of leaderboard);
 *  (d) GET /api/voting/leaderboard on a campaign with 10,000 entries and
 *      1,000,000 vote records, while a trickle of votes keeps invalidating it.
 *
 * After the vote run every acknowledged vote is looked up in the vote records
 * (`lost`) and the records and tallies are checked for double counts (`double`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { issueVoterToken, votingService } from '@exemplar/plugin-voting'
import type { Payload } from 'payload'

import { startCms } from '../helpers/servers'
import { openVotingCampaign } from '../helpers/voting'
import type autocannon from 'autocannon'

import { load, startBareServer, table } from './load'

const CONNECTIONS = 100
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SECRET = 'bench-secret'

const VOTE_ENTRIES = 1_000
// Enough voters that none reaches the per-voter limit (120 a minute) in a run.
const VOTE_VOTERS = 3_000
// Smaller values (for a quick look while tuning) through the environment.
const BOARD_ENTRIES = Number(process.env.BENCH_BOARD_ENTRIES ?? 10_000)
const BOARD_VOTES = Number(process.env.BENCH_BOARD_VOTES ?? 1_000_000)
const BOARD_VOTERS = 100
const BOARD_DAYS = 40

const day = 86_400_000

function log(line: string) {
  console.info(`[bench votes] ${line}`)
}

async function inChunks<T>(count: number, size: number, make: (i: number) => Promise<T>) {
  const out: T[] = []
  for (let start = 0; start < count; start += size) {
    const part = await Promise.all(
      Array.from({ length: Math.min(size, count - start) }, (_, k) => make(start + k)),
    )
    out.push(...part)
  }
  return out
}

const PROVINCES = [
  '北京市',
  '上海市',
  '四川省',
  '浙江省',
  '广东省',
  '湖北省',
  '陕西省',
  '云南省',
] as const

async function makeEntries(payload: Payload, campaignId: number, slug: string, n: number) {
  return inChunks(n, 50, (i) =>
    payload.create({
      collection: 'entries',
      data: {
        title: `${slug} 作品 ${i}`,
        number: `${slug}-${String(i).padStart(5, '0')}`,
        campaign: campaignId,
        track: 'case',
        status: 'voting',
        province: PROVINCES[i % PROVINCES.length],
      },
      depth: 0,
    }),
  )
}

async function makeVoters(payload: Payload, slug: string, n: number) {
  return inChunks(n, 50, (i) =>
    payload.create({
      collection: 'voters',
      data: { channel: 'email', addressHash: `${slug}-${i}`, masked: `b${i}***@example.org` },
      depth: 0,
    }),
  )
}

/** 1,000,000 past votes with a long tail: entry k gets about C / (k + 10)^0.9 of them. */
async function fillBoard(
  payload: Payload,
  campaignId: number,
  entryIds: (number | string)[],
  voterIds: (number | string)[],
) {
  const store = votingService(payload, payload.config.custom.voting).store
  const weights = entryIds.map((_, k) => 1 / Math.pow(k + 10, 0.9))
  const scale = BOARD_VOTES / weights.reduce((a, b) => a + b, 0)
  const perEntry = weights.map((w) => Math.min(BOARD_VOTERS * BOARD_DAYS, Math.round(w * scale)))
  // Spread the rounding remainder over the entries with room left.
  let missing = BOARD_VOTES - perEntry.reduce((a, b) => a + b, 0)
  for (
    let k = perEntry.length - 1;
    missing !== 0;
    k = (k - 1 + perEntry.length) % perEntry.length
  ) {
    const step = missing > 0 ? 1 : -1
    if (perEntry[k]! + step >= 0 && perEntry[k]! + step <= BOARD_VOTERS * BOARD_DAYS) {
      perEntry[k]! += step
      missing -= step
    }
  }
  const start = Date.now() - BOARD_DAYS * day
  let batch: Parameters<typeof store.cast>[0] = []
  let written = 0
  const flush = async () => {
    await store.cast(batch)
    written += batch.length
    batch = []
    if (written % 100_000 === 0) {
      log(`  ${written.toLocaleString('en')} votes`)
    }
  }
  for (let e = 0; e < entryIds.length; e++) {
    for (let v = 0; v < perEntry[e]!; v++) {
      const d = Math.floor(v / BOARD_VOTERS)
      const at = new Date(start + d * day + ((e * 7919 + v * 104729) % day))
      batch.push({
        entryId: entryIds[e]!,
        campaignId,
        voterId: voterIds[v % BOARD_VOTERS]!,
        day: at.toISOString().slice(0, 10),
        idempotencyKey: null,
        ipHash: `ip-${v % 997}`,
        deviceHash: `dev-${v % 991}`,
        session: '',
        perEntryPerDay: 1,
        dailyCap: 0,
        at,
      })
      if (batch.length === 2_000) {
        await flush()
      }
    }
  }
  if (batch.length > 0) {
    await flush()
  }
  await store.close()
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token?: string }
  if (!body.token) {
    throw new Error(`login failed: ${res.status}`)
  }
  return body.token
}

export async function benchVotes(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-bench-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.EXEMPLAR_DATA_DIR = dir
  process.env.PAYLOAD_SECRET = SECRET
  const { default: config } = await import('@exemplar/cms/config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config, key: 'bench' })

  let started = Date.now()
  log('preparing data …')
  const votesCampaign = await openVotingCampaign(payload, { slug: 'bench-votes' })
  const boardCampaign = await openVotingCampaign(payload, { slug: 'bench-board' })
  const voteEntries = await makeEntries(payload, votesCampaign.id, 'bv', VOTE_ENTRIES)
  const voters = await makeVoters(payload, 'bench-voter', VOTE_VOTERS)
  const tokens = voters.map((v) => issueVoterToken(payload.secret, v.id, 3600))
  await payload.create({
    collection: 'users',
    data: {
      name: '基准编辑',
      email: 'bench-editor@example.org',
      password: 'bench-editor',
      role: 'editor',
    },
  })
  log(`  ${VOTE_ENTRIES} entries, ${VOTE_VOTERS} voters in ${Date.now() - started} ms`)
  started = Date.now()
  const boardEntries = await makeEntries(payload, boardCampaign.id, 'bb', BOARD_ENTRIES)
  const boardVoters = await makeVoters(payload, 'bench-board-voter', BOARD_VOTERS)
  log(`  ${BOARD_ENTRIES} board entries in ${Date.now() - started} ms`)
  started = Date.now()
  await fillBoard(
    payload,
    boardCampaign.id,
    boardEntries.map((e) => e.id),
    boardVoters.map((v) => v.id),
  )
  log(`  ${BOARD_VOTES.toLocaleString('en')} board votes in ${Date.now() - started} ms`)

  const cms = await startCms({
    databaseUri: process.env.DATABASE_URI,
    dataDir: dir,
    secret: SECRET,
  })
  const bare = await startBareServer()
  try {
    // (a) votes: request i is voter i mod V for entry ⌊i / V⌋ — every pair new.
    // The same client — these requests, built the same way — loads the bare
    // server in (c), so the ratio compares servers, not two load generators
    // (building each request costs the client as much as the bare server's
    // answer on this two-core machine).
    const voteRequests = (acknowledged: Set<string>): autocannon.Request[] => {
      let sent = 0
      return [
        {
          method: 'POST',
          path: '/api/voting/votes',
          setupRequest: (request, context) => {
            const i = sent++
            const v = i % VOTE_VOTERS
            const e = Math.floor(i / VOTE_VOTERS) % VOTE_ENTRIES
            ;(context as { pair?: string }).pair =
              `${String(voters[v]!.id)}|${String(voteEntries[e]!.id)}`
            return {
              ...request,
              headers: {
                'content-type': 'application/json',
                authorization: `Voter ${tokens[v]!}`,
                'user-agent': `bench-${v % 50}`,
                // As the site's proxy reports them: readers on many networks.
                'x-forwarded-for': `10.${(v >> 8) & 255}.${v & 255}.7`,
              },
              body: JSON.stringify({ entry: voteEntries[e]!.number }),
            }
          },
          onResponse: (status, _body, context) => {
            if (status === 200 || status === 204) {
              acknowledged.add((context as { pair: string }).pair)
            }
          },
        },
      ]
    }
    const acknowledged = new Set<string>()
    const voteRun = await load({
      url: cms.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: voteRequests(acknowledged),
    })

    // (b) Payload's REST create on a plain collection, through Next.js.
    const token = await login(cms.url, 'bench-editor@example.org', 'bench-editor')
    let themeNo = 0
    const restRun = await load({
      url: cms.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/themes',
          setupRequest: (request) => ({
            ...request,
            headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
            body: JSON.stringify({
              title: `基准主题 ${themeNo}`,
              code: `T${themeNo++}`,
              campaign: boardCampaign.id,
            }),
          }),
        },
      ],
    })

    // (c) the bare Node server, sent the vote run's requests.
    const bareRun = await load({
      url: bare.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: voteRequests(new Set()),
    })

    // (c) again for the reads: the leaderboard runs' GET, as browsers send it.
    const bareReadRun = await load({
      url: `${bare.url}/api/voting/leaderboard?campaign=bench-board&by=entry&limit=50`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      connections: CONNECTIONS,
      duration: SECONDS,
    })

    // (d) leaderboard reads while votes trickle in (about 20 a second).
    let trickle = 0
    const trickleTimer = setInterval(() => {
      const v = trickle % BOARD_VOTERS
      const e = trickle++ % BOARD_ENTRIES
      void fetch(`${cms.url}/api/voting/votes`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Voter ${issueVoterToken(payload.secret, boardVoters[v]!.id, 3600)}`,
        },
        body: JSON.stringify({ entry: boardEntries[e]!.number }),
      }).catch(() => undefined)
    }, 50)
    // Readers' browsers always offer gzip; so does this client.
    const browserHeaders = { 'accept-encoding': 'gzip, deflate, br' }
    const boardRun = await load({
      url: `${cms.url}/api/voting/leaderboard?campaign=bench-board&by=entry&limit=50`,
      headers: browserHeaders,
      connections: CONNECTIONS,
      duration: SECONDS,
    })
    clearInterval(trickleTimer)
    const provinceRun = await load({
      url: `${cms.url}/api/voting/leaderboard?campaign=bench-board&by=province`,
      headers: browserHeaders,
      connections: CONNECTIONS,
      duration: SECONDS,
    })

    // lost / double against the records.
    const { docs } = await payload.find({
      collection: 'votes',
      where: { campaign: { equals: votesCampaign.id } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const records = docs.map((d) => `${String(d.voter)}|${String(d.entry)}`)
    const stored = new Set(records)
    const lost = [...acknowledged].filter((pair) => !stored.has(pair)).length
    const perEntry = new Map<string, number>()
    for (const d of docs) {
      perEntry.set(String(d.entry), (perEntry.get(String(d.entry)) ?? 0) + 1)
    }
    const tallies = await payload.find({
      collection: 'entries',
      where: { campaign: { equals: votesCampaign.id } },
      pagination: false,
      depth: 0,
    })
    const overCounted = tallies.docs.reduce(
      (sum, e) => sum + Math.max(0, (e.voteCount ?? 0) - (perEntry.get(String(e.id)) ?? 0)),
      0,
    )
    const double = records.length - stored.size + overCounted

    console.info(
      table([
        { run: '(a) vote endpoint', ...row(voteRun) },
        { run: '(b) Payload REST create', ...row(restRun) },
        { run: '(c) bare Node 204, vote requests', ...row(bareRun) },
        { run: '(c) bare Node 204, board GETs', ...row(bareReadRun) },
        { run: '(d) leaderboard by entry', ...row(boardRun) },
        { run: '(d) leaderboard by province', ...row(provinceRun) },
      ]),
    )
    console.info(
      `[bench votes] ${acknowledged.size} votes acknowledged, ${records.length} records; ${VOTE_ENTRIES} + ${BOARD_ENTRIES} entries, ${BOARD_VOTES.toLocaleString('en')} board votes; ${CONNECTIONS} connections, ${SECONDS} s per run, ${os.cpus().length} CPUs`,
    )
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'NaN')
    console.info(
      `BENCH votes rps=${voteRun.rps} rest_rps=${restRun.rps} bare_rps=${bareRun.rps} ratio_bare=${ratio(voteRun.rps, bareRun.rps)} ratio_rest=${ratio(voteRun.rps, restRun.rps)} p99_ms=${voteRun.p99} lost=${lost} double=${double}`,
    )
    console.info(
      `BENCH leaderboard rps=${boardRun.rps} bare_rps=${bareReadRun.rps} ratio_bare=${ratio(boardRun.rps, bareReadRun.rps)} p99_ms=${boardRun.p99} entries=${BOARD_ENTRIES} votes=${BOARD_VOTES}`,
    )
  } finally {
    bare.stop()
    await cms.stop()
    await payload.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function row(r: { rps: number; p99: number; requests: number; non2xx: number; errors: number }) {
  return { rps: r.rps, p99_ms: r.p99, requests: r.requests, non2xx: r.non2xx, errors: r.errors }
}
