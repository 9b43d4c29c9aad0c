import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from '../helpers/browser'

/**
 * A participant's drafts as they meet them, in Debian's Chromium against the
 * built demo stack: opening a draft again in the same track takes up the
 * untouched one, and 我的作品 deletes a draft after asking.
 */
const stack = { cmsUrl: inject('cmsUrl'), siteUrl: inject('siteUrl') }
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function currentCampaignId(series: string): Promise<number> {
  const res = await fetch(
    `${stack.cmsUrl}/api/campaigns?where[series][equals]=${series}&sort=-year&limit=1&depth=0`,
  )
  const body = (await res.json()) as { docs: { id: number }[] }
  return body.docs[0]!.id
}

describe('my drafts', () => {
  it('should take up the untouched draft again and delete it from 我的作品', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await page.goto(`${stack.siteUrl}/login`)
    await page.fill('[name="email"]', 'participant@example.org')
    await page.fill('[name="password"]', 'exemplar-participant')
    await page.getByTestId('login-submit').click()
    await page.waitForURL(/\/account/)

    const campaign = await currentCampaignId('yizhe-xianxing')
    const open = () =>
      page.evaluate(async (id) => {
        const res = await fetch('/api/submissions/drafts', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ campaign: id, track: 'case' }),
        })
        const body = (await res.json()) as { entry: { id: number }; resumed?: boolean }
        return { status: res.status, id: body.entry.id, resumed: body.resumed ?? false }
      }, campaign)
    const first = await open()
    const again = await open()
    expect(again).toEqual({ status: 200, id: first.id, resumed: true })

    await page.goto(`${stack.siteUrl}/my/entries`)
    const row = page.locator(`[data-testid="my-entry-row"][data-entry-id="${first.id}"]`)
    await row.waitFor({ state: 'visible' })
    await row.getByTestId('my-entry-delete').click()
    const dialog = page.getByTestId('delete-dialog')
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.textContent()).toContain('确定删除草稿“未命名草稿”吗？')
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-drafts-dialog.png` })
    }
    await page.getByTestId('delete-confirm').click()
    await expect.poll(() => page.getByTestId('mine-message').textContent()).toBe('草稿已删除。')
    expect(await row.count()).toBe(0)
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-drafts-deleted.png` })
    }
    const gone = await page.evaluate(
      async (id) => (await fetch(`/api/submissions/entries/${id}`)).status,
      first.id,
    )
    expect(gone).toBe(404)
    await context.close()
  })
})
