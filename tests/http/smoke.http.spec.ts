import { beforeAll, describe, expect, inject, it } from 'vitest'

import type { Campaign, Entry } from '@exemplar/cms/payload-types'

/**
 * The built CMS and site as `npm start` runs them, on a freshly seeded
 * database (tests/http/globalSetup.ts), read as a person would: the API, the
 * home page, a campaign page and an entry page.
 */
let stack: { cmsUrl: string; siteUrl: string }

const ARCHIVE = [
  'yizhe-xianxing-2022',
  'nixingzhe-2020',
  'jiankang-zhongguo-cujin-2024',
  'jiceng-kepu-shipin-2024',
  'yigongti-2021',
]

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url)
  expect(res.status, url).toBe(200)
  return (await res.json()) as T
}

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${stack.siteUrl}${path}`)
  return { status: res.status, html: await res.text() }
}

async function campaign(slug: string): Promise<Campaign> {
  const { docs } = await json<{ docs: Campaign[] }>(
    `${stack.cmsUrl}/api/campaigns?where[slug][equals]=${slug}&depth=0`,
  )
  expect(docs).toHaveLength(1)
  return docs[0]!
}

beforeAll(() => {
  stack = { cmsUrl: inject('cmsUrl'), siteUrl: inject('siteUrl') }
})

describe('the CMS over HTTP', () => {
  it('should list the five seed campaigns at /api/campaigns', async () => {
    const { docs } = await json<{ docs: Campaign[] }>(
      `${stack.cmsUrl}/api/campaigns?limit=100&depth=0`,
    )
    const slugs = docs.map((d) => d.slug)
    for (const slug of ARCHIVE) {
      expect(slugs).toContain(slug)
    }
  })

  it('should never serve a draft entry to an anonymous reader', async () => {
    const res = await json<{ totalDocs: number }>(
      `${stack.cmsUrl}/api/entries?where[status][equals]=draft&limit=1`,
    )
    expect(res.totalDocs).toBe(0)
  })

  it('should serve the admin login page in Chinese', async () => {
    const res = await fetch(`${stack.cmsUrl}/admin/login`, {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('登录')
  })
})

describe('the public site', () => {
  it('should show current and past campaigns on the home page', async () => {
    const { status, html } = await page('/')
    expect(status).toBe(200)
    expect(html).toContain('lang="zh-CN"')
    for (const slug of ARCHIVE) {
      const { title } = await campaign(slug)
      expect(html).toContain(title)
    }
  })

  it('should show a campaign with its organizers, timeline, track rules and themes', async () => {
    const c = await campaign('yizhe-xianxing-2022')
    const { status, html } = await page('/campaigns/yizhe-xianxing-2022')
    expect(status).toBe(200)
    expect(html).toContain(c.title)
    expect(html).toContain('健康报社')
    expect(html).toContain('心脑血管疾病防治行动')
    expect(html).toContain('工作目标')
    expect(html).toContain('2000')
    expect(html).toContain('2022年6月30日')
  })

  it('should mark the open phase of a current campaign', async () => {
    const { docs } = await json<{ docs: Campaign[] }>(
      `${stack.cmsUrl}/api/campaigns?where[year][equals]=${new Date().getFullYear()}&depth=0&limit=20`,
    )
    const current = docs.find((d) => (d.openPhases ?? []).includes('voting'))
    expect(current).toBeDefined()
    const { html } = await page(`/campaigns/${current!.slug}`)
    expect(html).toContain('aria-current="step"')
    expect(html).toContain('进行中')
  })

  it('should show an entry page with its title, sections and institution', async () => {
    const { docs } = await json<{ docs: Entry[] }>(
      `${stack.cmsUrl}/api/entries?where[status][equals]=awarded&depth=1&limit=1&sort=number`,
    )
    const entry = docs[0]!
    const { status, html } = await page(`/entries/${entry.number}`)
    expect(status).toBe(200)
    expect(html).toContain(entry.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;'))
    expect(html).toContain(entry.sections?.[0]?.heading ?? entry.title)
    expect(html).toContain(entry.award?.name ?? '')
  })

  it('should answer 404 for an entry that is not public', async () => {
    const { status } = await page('/entries/2026-NOSUCH')
    expect(status).toBe(404)
  })

  it('should serve the English interface under /en', async () => {
    const { status, html } = await page('/en/')
    expect(status).toBe(200)
    expect(html).toContain('lang="en"')
  })

  it('should serve uploaded images through the site origin', async () => {
    const { docs } = await json<{ docs: { url: string }[] }>(
      `${stack.cmsUrl}/api/media?where[filename][equals]=demo-01.jpg&limit=1&depth=0`,
    )
    const res = await fetch(`${stack.siteUrl}${docs[0]!.url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\//)
  })
})
