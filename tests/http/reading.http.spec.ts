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
