import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { readAs, signIn } from '../helpers/seededStack'

/**
 * Showcases (作品精选) on the seeded stack: a published showcase's page lists
 * its entries in the editor's order with the introduction and a QR code;
 * an editor's new order shows within 5 s; a draft is not public; the index
 * lists the published ones.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')

let editorToken: string
let showcase: Json

const numbersOn = async (slug: string): Promise<string[]> => {
  const html = await (await fetch(`${siteUrl}/showcases/${slug}`)).text()
  const list = html.slice(html.indexOf('data-testid="showcase-entries"'))
  return [...list.matchAll(/href="\/entries\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!))
}

async function patch(id: number | string, data: Json): Promise<void> {
  const res = await fetch(`${cmsUrl}/api/showcases/${String(id)}`, {
    method: 'PATCH',
    headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(data),
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

beforeAll(async () => {
  editorToken = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
  const found = (
    await readAs(
      cmsUrl,
      editorToken,
      '/showcases?where[slug][equals]=yizhe-xianxing-2022-excellent&depth=1',
    )
  ).docs as Json[]
  expect(found).toHaveLength(1)
  showcase = found[0]!
})

afterAll(async () => {
  if (showcase) {
    await patch(showcase.id, {
      entries: (showcase.entries as Json[]).map((row) => ({ entry: row.entry.id, note: row.note })),
      _status: 'published',
    })
  }
})

describe('showcases', () => {
  it('should list the entries in the editor’s order, with the introduction and a QR code', async () => {
    const expected = (showcase.entries as Json[]).map((row) => String(row.entry.number))
    expect(expected.length).toBeGreaterThan(1)
    expect(await numbersOn(String(showcase.slug))).toEqual(expected)
    const html = await (await fetch(`${siteUrl}/showcases/${String(showcase.slug)}`)).text()
    expect(html).toContain(String(showcase.intro))
    expect(html).toContain('data-testid="share-qr"')
    const index = await (await fetch(`${siteUrl}/showcases`)).text()
    expect(index).toContain(`href="/showcases/${String(showcase.slug)}"`)
    const en = await fetch(`${siteUrl}/en/showcases/${String(showcase.slug)}`)
    expect(en.status).toBe(200)
    expect(await en.text()).toContain('Showcases')
  })

  it('should show an editor’s new order within 5 s, and nothing once it is a draft again', async () => {
    const rows = showcase.entries as Json[]
    const reversed = [...rows].reverse()
    const slug = String(showcase.slug)
    await numbersOn(slug)
    const started = Date.now()
    await patch(showcase.id, {
      entries: reversed.map((row) => ({ entry: row.entry.id, note: row.note })),
    })
    await expect
      .poll(() => numbersOn(slug), { timeout: 5_000, interval: 100 })
      .toEqual(reversed.map((row) => String(row.entry.number)))
    expect(Date.now() - started).toBeLessThan(5_000)
    await patch(showcase.id, { _status: 'draft' })
    await expect
      .poll(async () => (await fetch(`${siteUrl}/showcases/${slug}`)).status, {
        timeout: 5_000,
        interval: 100,
      })
      .toBe(404)
    const anonymous = (await (
      await fetch(`${cmsUrl}/api/showcases?where[slug][equals]=${slug}`)
    ).json()) as Json
    expect(anonymous.totalDocs).toBe(0)
  })
})
