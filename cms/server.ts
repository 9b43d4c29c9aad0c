/**
 * The CMS's HTTP server: the vote and leaderboard hot routes are answered by
 * the voting plugin on the bare Node server, /api/submissions/* (uploads
 * streamed to disk, resumable uploads) by the submissions plugin; everything else (admin, REST,
 * GraphQL, the other voting endpoints) goes to Next.js. `--dev` runs Next in
 * development mode with reload.
 */
import http from 'node:http'

import { createSubmissionsHandler } from '@exemplar/plugin-submissions/server'
import {
  createVotingHandler,
  parseTrustedProxies,
  resolveClientIp,
} from '@exemplar/plugin-voting/server'
import next from 'next'
import { getPayload } from 'payload'

import { cmsRoot } from './src/env'
import config from './src/payload.config'

const dev = process.argv.includes('--dev')
const port = Number(process.env.CMS_PORT ?? 3000)
const hostname = process.env.CMS_HOST ?? '0.0.0.0'

const app = next({ dev, dir: cmsRoot, port, hostname })
const handle = app.getRequestHandler()
await app.prepare()
// Its own Payload instance, so the hot path never waits on Next's module graph.
const payload = await getPayload({ config, key: 'cms-server' })
const voting = createVotingHandler(payload)
// Uploads stream to disk here (a 1 GB video never sits in Next's memory).
const submissions = createSubmissionsHandler(payload)
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES)

const server = http
  .createServer((req, res) => {
    // From here on X-Forwarded-For holds one address we believe: rate limits
    // and the integrity report key on it.
    const forwarded = req.headers['x-forwarded-for']
    req.headers['x-forwarded-for'] = resolveClientIp(
      req.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
      trustedProxies,
    )
    if (!voting(req, res) && !submissions(req, res)) {
      void handle(req, res)
    }
  })
  .listen(port, hostname, () => {
    console.info(`[cms] ${dev ? 'development' : 'production'} server on http://localhost:${port}`)
  })

// `docker stop` and Ctrl-C: stop taking requests, let the answers in flight
// go out, then leave (a vote is acknowledged only after its commit).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5_000).unref()
  })
}
