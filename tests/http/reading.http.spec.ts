import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from '../helpers/browser'

/**
 * A reader in a real browser with JavaScript switched off: the site must be
 * readable and navigable by links alone, on a phone-sized screen too.
 */
let browser: Browser
let context: BrowserContext
const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

async function currentSlug(series: string): Promise<string> {
  const res = await fetch(
    `${cmsUrl}/api/campaigns?where[series][equals]=${series}&sort=-year&limit=1&depth=0`,
  )
  const body = (await res.json()) as { docs: { slug: string }[] }
  return body.docs[0]!.slug
}

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
  })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('reading without JavaScript', () => {
  it('should go from the home page to a campaign, a theme and an entry by links alone', async () => {
    const page = await context.newPage()
    await page.goto(siteUrl)
    await page
      .getByRole('link', { name: /健康中国 医者先行/ })
      .first()
      .click()
    await expect.poll(() => page.url()).toContain('/campaigns/yizhe-xianxing-')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/医者先行/)

    await page.goto(`${siteUrl}/campaigns/yizhe-xianxing-2022`)
    await page.getByRole('link', { name: '健康知识普及行动' }).first().click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '健康知识普及行动',
    )

    await page.goto(`${siteUrl}/campaigns/yizhe-xianxing-2022`)
    const entryLink = page.locator('a[href^="/entries/"]').first()
    const title = (await entryLink.textContent())?.trim() ?? ''
    await entryLink.click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      title.slice(0, 8),
    )
    await expect(page.getByRole('heading', { name: '工作目标' }).count()).resolves.toBe(1)
    await page.close()
  })

  it('should fit a phone screen without sideways scrolling', async () => {
    const page = await context.newPage()
    await page.goto(`${siteUrl}/campaigns/yizhe-xianxing-2022`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.close()
  })
})

/**
 * What a new reader met on the public site (house issue 11), with JavaScript
 * on this time, on a 390-px phone: every request answers, nothing is logged
 * as an error, and the layout leaves nothing important off the first screen.
 */
describe('a first visit on a phone', () => {
  let phone: BrowserContext
  beforeAll(async () => {
    phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
  })
  afterAll(async () => {
    await phone?.close()
  })

  it('should show the pledge only where it belongs, cite notices by title, fail no request', async () => {
    const page = await phone.newPage()
    const failures: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) {
        failures.push(`${r.status()} ${r.url()}`)
      }
    })
    page.on('console', (m) => {
      if (m.type() === 'error') {
        failures.push(`console: ${m.text()}`)
      }
    })
    const yizhe = await currentSlug('yizhe-xianxing')
    await page.goto(`${siteUrl}/campaigns/${yizhe}`, { waitUntil: 'networkidle' })
    expect(await page.getByTestId('pledge').count()).toBe(1)
    await page.goto(`${siteUrl}/campaigns/${await currentSlug('nixingzhe')}`, {
      waitUntil: 'networkidle',
    })
    expect(await page.getByTestId('pledge').count()).toBe(0)

    await page.goto(`${siteUrl}/campaigns/yizhe-xianxing-2022`, { waitUntil: 'networkidle' })
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).not.toMatch(/来源\s*：\s*\d{3}/)
    expect(text).toMatch(/来源\s*：\s*健康报社《关于开展“健康中国 医者先行”/)

    // The icon the browser asks for, and alternates a search engine can follow.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(icon).toBeTruthy()
    const iconRes = await fetch(new URL(icon!, siteUrl))
    expect(iconRes.status).toBe(200)
    expect(iconRes.headers.get('content-type')).toMatch(/svg/)
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')))
    expect(alternates).toHaveLength(2)
    for (const href of alternates) {
      expect(href).toMatch(/^https?:\/\/[^/]+\/(en\/)?campaigns\/yizhe-xianxing-2022$/)
    }
    // WCAG 2.5.3: the language link's accessible name holds its visible word.
    await expect(page.getByRole('link', { name: /^English/ }).count()).resolves.toBe(1)

    expect(failures).toEqual([])
    await page.close()
  })

  it('should keep the vote near its card, on the first screen of an entry, and leaderboard rows short', async () => {
    const page = await phone.newPage()
    const yizhe = await currentSlug('yizhe-xianxing')
    await page.goto(`${siteUrl}/campaigns/${yizhe}/entries`, { waitUntil: 'networkidle' })
    const gaps = await page.locator('.entry-card').evaluateAll((cards) =>
      cards.map((card) => {
        const vote = card.querySelector('[data-vote]')
        return vote ? card.getBoundingClientRect().bottom - vote.getBoundingClientRect().bottom : 0
      }),
    )
    expect(gaps.length).toBeGreaterThan(0)
    // The card's own padding only (about 17 px), not a 230-px hole.
    expect(Math.max(...gaps)).toBeLessThan(40)

    await page.locator('.entry-card a[href*="/entries/"]').first().click()
    await page.waitForLoadState('networkidle')
    const button = page.locator('[data-vote-button]')
    await button.waitFor({ state: 'visible' })
    const box = (await button.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(844)

    await page.goto(`${siteUrl}/campaigns/${yizhe}/leaderboard`, { waitUntil: 'networkidle' })
    const row = await page
      .locator('.leaderboard tbody tr')
      .first()
      .evaluate((tr) => {
        const title = tr.querySelector('th')!
        const votes = tr.lastElementChild as HTMLElement
        const lineHeight = parseFloat(getComputedStyle(title).lineHeight)
        return {
          titleLines: title.getBoundingClientRect().height / lineHeight,
          titleShare: title.getBoundingClientRect().width / tr.getBoundingClientRect().width,
          votesFit: votes.scrollWidth <= votes.clientWidth,
          votes: votes.textContent?.trim(),
        }
      })
    expect(row.titleLines).toBeLessThanOrEqual(2.05)
    expect(row.titleShare).toBeGreaterThan(0.55)
    expect(row.votesFit).toBe(true)
    expect(row.votes).toMatch(/^[\d,]+$/)
    await page.close()
  })
})
