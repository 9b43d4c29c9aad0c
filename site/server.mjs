// The site's server (`npm start -w @exemplar/site`): Astro's node handler, with the warm pages
// answered first. The page store lives in Astro's bundle, which registers its warm path under
// a global symbol once the cache provider has loaded (src/cache/index.ts); until then, and for
// every request it does not hold, Astro answers.
import http from 'node:http'

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const { handler, options } = await import('./dist/server/entry.mjs')

const WARM_PATH_KEY = Symbol.for('exemplar.site.warmPath')

const server = http.createServer((request, response) => {
  const warm = globalThis[WARM_PATH_KEY]
  if (warm?.(request, response)) {
    return
  }
  handler(request, response)
})

const port = Number(process.env.PORT ?? options.port ?? 4321)
const host = process.env.HOST ?? (typeof options.host === 'string' ? options.host : '127.0.0.1')
server.listen(port, host, () => {
  console.info(`site listening on http://${host}:${port}`)
})

// Stop taking requests on SIGTERM, let those in flight finish (briefly), then leave.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 2000).unref()
  })
}
