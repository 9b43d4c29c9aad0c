import fs from 'node:fs'
import { createRequire } from 'node:module'

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { closeChromium, launchChromium } from '../helpers/browser'

/**
 * The reading pages a WeChat share brings readers to, on a phone in
 * Chromium: each transfers at most 60 KB without images and 20 KB of
 * JavaScript (as sent, compressed where the site compresses), and axe-core
 * finds no violation of WCAG 2.1 A and AA.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const PAGE_BUDGET = 60 * 1024
const SCRIPT_BUDGET = 20 * 1024

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

let browser: Browser
let context: BrowserContext
let pages: Record<string, string>

beforeAll(async () => {
  browser = await launchChromium()
  // axe is injected as a script of the test's own: the site's CSP rightly refuses inline scripts.
  context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    bypassCSP: true,
  })
  const first = async (route: string) =>
    (((await (await fetch(`${cmsUrl}/api${route}`)).json()) as Json).docs as Json[])[0]!
  const entry = await first('/entries?limit=1&sort=number&depth=0')
  const campaign = await first('/campaigns?limit=1&sort=-year&depth=0')
  const showcase = await first('/showcases?limit=1&depth=0')
  pages = {
    home: '/',
    gallery: '/gallery',
    search: `/gallery?q=${encodeURIComponent('健康')}`,
    entry: `/entries/${encodeURIComponent(String(entry.number))}`,
    campaign: `/campaigns/${String(campaign.slug)}`,
    showcase: `/showcases/${String(showcase.slug)}`,
    english: `/en/entries/${encodeURIComponent(String(entry.number))}`,
  }
})

afterAll(async () => {
  await closeChromium(browser, [context])
})

describe('page budgets and accessibility', () => {
  it('should keep every reading page within 60 KB without images and 20 KB of JavaScript', async () => {
    const report: string[] = []
    for (const [name, route] of Object.entries(pages)) {
      // A fresh context each: a reader arriving from WeChat has nothing cached.
      const fresh = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
      })
      const page = await fresh.newPage()
      const sizes: Promise<{ type: string; bytes: number }>[] = []
      page.on('requestfinished', (request) => {
        sizes.push(
          request.sizes().then((s) => ({
            type: request.resourceType(),
            bytes: s.responseBodySize + s.responseHeadersSize,
          })),
        )
      })
      await page.goto(`${siteUrl}${route}`, { waitUntil: 'networkidle' })
      const all = await Promise.all(sizes)
      const withoutImages = all.filter((r) => r.type !== 'image' && r.type !== 'media')
      const total = withoutImages.reduce((sum, r) => sum + r.bytes, 0)
      const scripts = all.filter((r) => r.type === 'script').reduce((sum, r) => sum + r.bytes, 0)
      report.push(`${name}: ${total} B, scripts ${scripts} B`)
      expect(total, `${name} ${route}`).toBeLessThanOrEqual(PAGE_BUDGET)
      expect(scripts, `${name} ${route}`).toBeLessThanOrEqual(SCRIPT_BUDGET)
      await fresh.close()
    }
    console.log(`page budgets: ${report.join('; ')}`)
  })

  it('should give axe-core no WCAG 2.1 A or AA violation on any reading page', async () => {
    for (const [name, route] of Object.entries(pages)) {
      const page = await context.newPage()
      await page.goto(`${siteUrl}${route}`, { waitUntil: 'networkidle' })
      await page.addScriptTag({ content: axeSource })
      const violations = (await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
        ).axe
        const result = await axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })
        return result.violations
      })) as { id: string; nodes: { target: string[] }[] }[]
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${name} ${route}`,
      ).toEqual([])
      await page.close()
    }
  })
})
