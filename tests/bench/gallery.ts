import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort, startStack, waitForHttp } from '../helpers/servers'
import { load, table } from './load'

/**
 * `npm run bench -- gallery`: the reading pages of the seeded demo served
 * warm by the site's page cache, 50 connections each, against a bare
 * `node:http` server sending the same entry page's bytes (the baseline the
 * issue measured: 23,000–24,000 requests/s here, the uncached entry page
 * 1,200–1,560). Prints `BENCH pages …` (per page) and `BENCH gallery …`.
 */
const CONNECTIONS = 50
const SECONDS = 8

async function startBytesServer(body: Buffer): Promise<{ url: string; stop: () => void }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bytes-')), 'page.html')
  fs.writeFileSync(file, body)
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const b = require('node:fs').readFileSync(${JSON.stringify(file)});
       require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': b.length }); s.end(b) }).listen(${port}, '127.0.0.1')`,
    ],
    { stdio: 'inherit' },
  )
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(url, child)
  return { url, stop: () => child.kill('SIGTERM') }
}

export async function benchGallery(): Promise<void> {
  const stack = await startStack()
  try {
    const entries = (await (
      await fetch(`${stack.cmsUrl}/api/entries?limit=1&sort=number&depth=0`)
    ).json()) as { docs: { number: string }[] }
    const campaigns = (await (
      await fetch(`${stack.cmsUrl}/api/campaigns?limit=1&sort=-year&depth=0`)
    ).json()) as { docs: { slug: string }[] }
    const entry = entries.docs[0]!.number
    const slug = campaigns.docs[0]!.slug
    const pages: Record<string, string> = {
      home: '/',
      campaign: `/campaigns/${slug}`,
      entry: `/entries/${encodeURIComponent(entry)}`,
      gallery: '/gallery',
      search: `/gallery?q=${encodeURIComponent('健康')}`,
      results: `/campaigns/${slug}/results`,
    }
    // Warm every page (the first answers also start the site's change feed).
    for (const route of Object.values(pages)) {
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${stack.siteUrl}${route}`)
        await res.arrayBuffer()
        if (res.headers.get('x-exemplar-cache') === 'hit') {
          break
        }
        await new Promise((r) => setTimeout(r, 250))
      }
    }
    const plain = Buffer.from(
      await (
        await fetch(`${stack.siteUrl}${pages.entry}`, {
          headers: { 'accept-encoding': 'identity' },
        })
      ).arrayBuffer(),
    )
    const bare = await startBytesServer(plain)
    const baseline = await load({ url: bare.url, connections: CONNECTIONS, duration: SECONDS })
    bare.stop()
    const rows: Record<string, string | number>[] = [
      {
        page: 'bare node:http (entry bytes)',
        rps: baseline.rps,
        p99_ms: baseline.p99,
        ratio: '1.00',
        non2xx: 0,
      },
    ]
    const results: Record<string, number> = {}
    for (const [name, route] of Object.entries(pages)) {
      const r = await load({
        url: `${stack.siteUrl}${route}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'accept-encoding': 'br, gzip' },
      })
      results[name] = r.rps
      rows.push({
        page: name,
        rps: r.rps,
        p99_ms: r.p99,
        ratio: (r.rps / baseline.rps).toFixed(2),
        non2xx: r.non2xx + r.errors,
      })
      console.log(
        `BENCH pages page=${name} rps=${r.rps} p99_ms=${r.p99} ratio=${(r.rps / baseline.rps).toFixed(2)} non2xx=${r.non2xx + r.errors}`,
      )
    }
    console.log(table(rows))
    console.log(
      `BENCH gallery baseline_rps=${baseline.rps} entry_rps=${results.entry} campaign_rps=${results.campaign} gallery_rps=${results.gallery} search_rps=${results.search} entry_bytes=${plain.length}`,
    )
  } finally {
    await stack.stop()
  }
}
