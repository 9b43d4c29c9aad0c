import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { issueVoterToken, type VotingService } from '@exemplar/plugin-voting'
import { problemsOf } from '@exemplar/http'
import type { Payload } from 'payload'

/** More of a campaign's voting rule: anonymous votes and how counts are shown (defaults otherwise). */
export interface VotingRule {
  allowAnonymous?: boolean
  anonymousDailyCap?: number
  display?: 'exact' | 'rounded' | 'delayed'
  roundTo?: number
  delayMinutes?: number
}

/** A published campaign with one track whose voting window is open now (or closed two days ago). */
export async function openVotingCampaign(
  payload: Payload,
  {
    slug,
    dailyCap = 0,
    open = true,
    rule = {},
  }: { slug: string; dailyCap?: number; open?: boolean; rule?: VotingRule },
) {
  const now = Date.now()
  const day = 86_400_000
  return payload.create({
    collection: 'campaigns',
    data: {
      title: `投票测试 ${slug}`,
      slug,
      year: 2026,
      _status: 'published',
      tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' }],
      phases: [
        {
          kind: 'voting',
          startsAt: new Date(open ? now - day : now - 3 * day).toISOString(),
          endsAt: new Date(open ? now + day : now - 2 * day).toISOString(),
        },
      ],
      voting: { perEntryPerDay: 1, dailyCap, ...rule },
    },
  })
}

/** A campaign whose voting window is open now, with entries on display, one draft and voters. */
export async function votingFixture(
  payload: Payload,
  {
    entries = 50,
    voters = 200,
    slug = 'vote-now',
    dailyCap = 0,
    open = true,
    rule = {} as VotingRule,
  } = {},
) {
  const campaign = await openVotingCampaign(payload, { slug, dailyCap, open, rule })
  const created = []
  for (let i = 0; i < entries; i++) {
    created.push(
      await payload.create({
        collection: 'entries',
        data: {
          title: `${slug} 作品 ${i}`,
          number: `${slug}-${String(i).padStart(3, '0')}`,
          campaign: campaign.id,
          track: 'case',
          status: 'voting',
          province: i % 2 === 0 ? '四川省' : '浙江省',
        },
      }),
    )
  }
  const draft = await payload.create({
    collection: 'entries',
    data: {
      title: `${slug} 草稿`,
      number: `${slug}-draft`,
      campaign: campaign.id,
      track: 'case',
      status: 'draft',
    },
  })
  const tokens: string[] = []
  const voterIds: string[] = []
  for (let i = 0; i < voters; i++) {
    const voter = await payload.create({
      collection: 'voters',
      data: { channel: 'email', addressHash: `${slug}-voter-${i}`, masked: `v${i}***@example.org` },
    })
    tokens.push(issueVoterToken(payload.secret, voter.id, 3600))
    voterIds.push(String(voter.id))
  }
  return { campaign, entries: created, draft, tokens, voterIds }
}

/** A real HTTP server on a free loopback port. */
export async function listen(
  handler: http.RequestListener,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A keep-alive client with a bounded socket pool, so 10,000 requests queue instead of exhausting descriptors. */
export function voteClient(baseUrl: string, sockets = 128) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  const url = new URL('/api/voting/votes', baseUrl)
  const vote = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const data = JSON.stringify(body)
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(data),
            'user-agent': 'exemplar-test',
            ...(token ? { authorization: `Voter ${token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            resolve({
              status: res.statusCode ?? 0,
              body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
            })
          })
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(data)
    })
  return { vote, close: () => agent.destroy() }
}

/** A request as the voting service's handlers take it, from one client. */
export function votingRequest({
  body = {},
  query = {},
  ip = '127.0.0.1',
  headers = {},
  user,
}: {
  body?: unknown
  query?: Record<string, string>
  ip?: string
  headers?: Record<string, string>
  user?: unknown
} = {}): Parameters<VotingService['vote']>[0] {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(query),
    header: (name) => lower[name.toLowerCase()],
    ip,
    json: async () => body,
    user,
  }
}

/** The code of an error body's first problem (`{ errors: [{ code, message }] }`). */
export const codeOf = (body: unknown): string | undefined => problemsOf(body)[0]?.code

/** The message of an error body's first problem. */
export const messageOf = (body: unknown): string | undefined => problemsOf(body)[0]?.message
