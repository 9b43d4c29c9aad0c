import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { readAs, signIn } from '../helpers/seededStack'
import { startSite, type RunningSite } from '../helpers/servers'
import { msUntilShown } from '../helpers/untilShown'

/**
 * Reading pages served warm and fresh (issue 14): two site processes on one
 * CMS keep an entry page and its campaign page warm; an editor retitles the
 * entry, and both show the new title within 5 s while a page the change
 * does not touch stays warm. Warm pages come compressed, and answer 304 to
 * their ETag.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const ARCHIVE = 'yizhe-xianxing-2022'

let second: RunningSite
let editorToken: string
let entries: Json[]

/** Raw bytes and headers as sent: fetch would decompress the body on its own. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ res: { status: number; headers: Headers }; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const out = new Headers()
          for (const [name, value] of Object.entries(res.headers)) {
            out.set(name, Array.isArray(value) ? value.join(', ') : String(value))
          }
          resolve({
            res: { status: res.statusCode ?? 0, headers: out },
            bytes: Buffer.concat(chunks),
          })
        })
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

const cacheState = async (url: string) =>
  (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).headers.get('x-exemplar-cache')

/** Ask until the page is served warm: the first answers start each process's change feed. */
async function warmUp(url: string): Promise<void> {
  await expect.poll(() => cacheState(url), { timeout: 20_000, interval: 200 }).toBe('hit')
}

beforeAll(async () => {
  second = await startSite(cmsUrl)
  editorToken = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
  const campaign = (
    (await readAs(cmsUrl, editorToken, `/campaigns?where[slug][equals]=${ARCHIVE}&depth=0`))
      .docs as Json[]
  )[0]!
  // Read as the public: the first two entries on display, both on the campaign page's first screen.
  const listed = await fetch(
    `${cmsUrl}/api/entries?where[campaign][equals]=${String(campaign.id)}&sort=number&limit=2&depth=0`,
  )
  entries = ((await listed.json()) as Json).docs as Json[]
  expect(entries).toHaveLength(2)
}, 120_000)

afterAll(async () => {
  await second?.stop()
})

async function retitle(id: number | string, title: string): Promise<void> {
  const res = await fetch(`${cmsUrl}/api/entries/${String(id)}`, {
    method: 'PATCH',
    headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

describe('warm pages, fresh within 5 s on two site processes', () => {
  it('should show an editor’s change on both processes within 5 s, and keep untouched pages warm', async () => {
    const [changed, untouched] = entries as [Json, Json]
    const mark = `已更新${Date.now() % 100_000}`
    const title = `${String(changed.title).slice(0, 80)}（${mark}）`
    const sites = [siteUrl, second.url]
    const pages = sites.flatMap((site) => [
      `${site}/entries/${String(changed.number)}`,
      `${site}/en/entries/${String(changed.number)}`,
      `${site}/campaigns/${ARCHIVE}`,
      // Warm with no card before the change, the retitled card after it.
      `${site}/gallery?q=${encodeURIComponent(mark)}`,
    ])
    const others = sites.map((site) => `${site}/entries/${String(untouched.number)}`)
    for (const url of [...pages, ...others]) {
      await warmUp(url)
    }
    try {
      const started = performance.now()
      await retitle(changed.id, title)
      // The gallery marks the match inside the title: msUntilShown compares its text.
      const seenAfter = (await msUntilShown(pages, title, { started, limitMs: 15_000 })).map(
        Math.round,
      )
      console.log(`fresh after (ms, per page and process): ${seenAfter.join(', ')}`)
      for (const ms of seenAfter) {
        expect(ms).toBeLessThan(5_000)
      }
      for (const url of others) {
        expect(await cacheState(url)).toBe('hit')
      }
      for (const url of pages) {
        await warmUp(url)
      }
    } finally {
      await retitle(changed.id, String(changed.title))
    }
  }, 120_000)

  it('should send a warm page compressed once, as brotli or gzip, and answer its ETag with 304', async () => {
    const url = `${second.url}/entries/${String(entries[1]!.number)}`
    await warmUp(url)
    const plain = await get(url, { 'accept-encoding': 'identity' })
    expect(plain.res.headers.get('content-encoding')).toBeNull()
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.res.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true)
    const gzip = await get(url, { 'accept-encoding': 'gzip' })
    expect(gzip.res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(gzip.bytes).equals(plain.bytes)).toBe(true)
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3)
    expect(br.res.headers.get('vary')).toMatch(/accept-encoding/i)
    // The security headers the first render set travel with the warm copy.
    expect(br.res.headers.get('content-security-policy')).toContain("default-src 'self'")
    const etag = plain.res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{22}"$/)
    const again = await get(url, { 'if-none-match': etag })
    expect(again.res.status).toBe(304)
    expect(again.bytes.length).toBe(0)
  })

  it('should compress a page it does not keep, and keep no page that depends on the reader', async () => {
    const login = await get(`${second.url}/login`, { 'accept-encoding': 'gzip' })
    expect(login.res.status).toBe(200)
    expect(login.res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(login.bytes).toString('utf8')).toContain('<html')
    expect(login.res.headers.get('x-exemplar-cache')).toBeNull()
    const missing = await get(`${second.url}/entries/NO-SUCH-ENTRY`)
    expect(missing.res.status).toBe(404)
    expect(missing.res.headers.get('x-exemplar-cache')).toBeNull()
  })
})
