/**
 * The CMS's HTTP server: the vote and leaderboard hot routes,
 * /api/submissions/* (uploads streamed to disk, resumable uploads) and the
 * other REST reads (Payload's own dispatcher) are answered on the bare Node
 * server (src/fastPaths.ts); everything else (admin, REST writes, GraphQL)
 * goes to Next.js. The
 * fast paths are built inside Next (src/instrumentation.ts) on Next's own
 * Payload instance, so this file imports neither Payload nor the config.
 * `--dev` runs Next in development mode with reload.
 */
import http from 'node:http'

import next from 'next'

import { cmsRoot } from './src/env.ts'
import { fastPathsPublished, publishedFastPaths } from './src/fastPathsKey.ts'
import { isProductionMode } from './src/lib/demo.ts'
import { bootRefused } from './src/security/bootRefusal.ts'
import { refuseOversizedBody } from './src/security/bodyLimits.ts'
import { refuseMalformedPath } from './src/security/malformedPath.ts'
import { isApiPath, newNonce, pagePolicy, securityHeaders } from './src/security/headers.ts'

const dev = process.argv.includes('--dev')
const port = Number(process.env.CMS_PORT ?? 3000)
const hostname = process.env.CMS_HOST ?? '0.0.0.0'
const production = isProductionMode()
// scripts/start.mjs names each start so it can tell this server from another on the port.
const startNonce = process.env.EXEMPLAR_START_NONCE

const app = next({ dev, dir: cmsRoot, port, hostname })
const handle = app.getRequestHandler()
await app.prepare()

// Published by src/instrumentation.ts once Next has booted Payload. In
// development Next compiles the hook on its first request, so the routes go
// to Next's Payload endpoints until then and each request looks them up.
// Payload refusing to boot (a published demo password in production mode)
// ends the process at once, non-zero: Next only logs it.
const ready = dev
  ? undefined
  : await Promise.race([fastPathsPublished(120_000), bootRefused(120_000)]).catch(
      (error: unknown) => {
        console.error(`[cms] not starting: ${error instanceof Error ? error.message : error}`)
        process.exit(1)
      },
    )

const server = http
  .createServer((req, res) => {
    // Next puts the nonce of the request's CSP on every script it writes; a
    // client's own CSP header must never choose it.
    delete req.headers['content-security-policy']
    delete req.headers['content-security-policy-report-only']
    const nonce = isApiPath(req.url) ? undefined : newNonce()
    const headers = securityHeaders({ nonce, production, dev })
    for (const [name, value] of Object.entries(headers)) {
      res.setHeader(name, value)
    }
    if (startNonce) {
      res.setHeader('x-exemplar-start', startNonce)
    }
    if (refuseMalformedPath(req, res)) {
      return
    }
    if ((ready ?? publishedFastPaths())?.(req, res)) {
      return
    }
    if (refuseOversizedBody(req, res)) {
      return
    }
    if (nonce) {
      req.headers['content-security-policy'] = pagePolicy(nonce, dev)
    }
    void handle(req, res)
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
