import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { closeChromium, launchChromium, signInToAdmin } from '../helpers/browser'

/**
 * An editor screens in the admin, in Chromium, on the seeded current edition
 * of 医者先行 (screening open): the desk counts its entries per state, two
 * submitted ones are moved into screening together, and one of them is
 * returned from its own page with a reason the submitter will read.
 */
const cmsUrl = inject('cmsUrl')
let browser: Browser
let context: BrowserContext
let page: Page
/** A second tab that only reads, so a read never races the admin's own reload. */
let reader: Page
const dialogs: string[] = []

interface Row {
  id: number | string
  status: string
  history?: {
    to: string
    action?: string | null
    reasonLabel?: string | null
    reason?: string | null
  }[]
}

/** Read in the page, so the editor's session cookie (Secure, as in production) goes with it. */
async function entry(id: number | string): Promise<Row> {
  const { status, body } = await reader.evaluate(
    async (url) => {
      const res = await fetch(url, { credentials: 'include' })
      return { status: res.status, body: (await res.json()) as unknown }
    },
    `${cmsUrl}/api/entries/${String(id)}?depth=0`,
  )
  expect(status).toBe(200)
  return body as Row
}

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ locale: 'zh-CN' })
  page = await context.newPage()
  await signInToAdmin(page, cmsUrl, 'editor@example.org', 'exemplar-editor')
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.accept()
  })
  reader = await context.newPage()
  // An admin page: its CSP lets the page fetch from its own origin (an API reply's does not).
  await reader.goto(`${cmsUrl}/admin/account`, { waitUntil: 'domcontentloaded' })
})

afterAll(async () => {
  await closeChromium(browser, [context])
})

describe('screening in the admin', () => {
  it('should count, move two submitted entries into screening at once, and return one with a reason', async () => {
    await page.goto(`${cmsUrl}/admin/screening`)
    const desk = page.getByTestId('screening-desk')
    await desk.waitFor({ state: 'visible', timeout: 30_000 })
    const campaign = desk.locator('select').first()
    const label = (await campaign.locator('option').allInnerTexts()).find(
      (t) => t.includes('医者先行') && !t.includes('2022'),
    )
    expect(label).toBeDefined()
    await campaign.selectOption({ label: label! })
    await expect
      .poll(async () => desk.locator('.workflow-desk__counts').innerText(), { timeout: 20_000 })
      .toContain('已提交')
    const counts = await desk.locator('.workflow-desk__counts').innerText()
    expect(counts).toContain('投票中')
    expect(counts).toContain('合计')

    // Two of the waiting entries still 已提交: tick them and start screening.
    const submitted = desk.locator('.workflow-desk__queue tbody tr', { hasText: '已提交' })
    expect(await submitted.count()).toBeGreaterThanOrEqual(2)
    const links = [submitted.nth(0), submitted.nth(1)].map((r) => r.locator('a'))
    const ids = await Promise.all(
      links.map(async (a) => (await a.getAttribute('href'))!.split('/').at(-1)!),
    )
    await submitted.nth(0).locator('input[type=checkbox]').check()
    await submitted.nth(1).locator('input[type=checkbox]').check()
    await desk.locator('form select').selectOption({ label: '开始审核' })
    await desk.getByRole('button', { name: '对选中的 2 件执行' }).click()
    await expect.poll(async () => desk.getByRole('status').innerText()).toContain('已处理 2 件')
    for (const id of ids) {
      expect((await entry(id)).status).toBe('screening')
    }

    // The first one, from its page: 退回修改 with a reason from the list.
    await page.goto(`${cmsUrl}/admin/collections/entries/${ids[0]}`)
    const panel = page.getByTestId('workflow-panel')
    await panel.getByRole('button', { name: '退回修改' }).click({ timeout: 30_000 })
    await panel.locator('select').selectOption({ label: '材料不全' })
    await panel.locator('textarea').fill('请补充推广情况一节的数据。')
    await panel.getByRole('button', { name: '确认退回修改' }).click()
    await expect
      .poll(async () => (await entry(ids[0]!)).status, { timeout: 20_000 })
      .toBe('returned')
    const last = (await entry(ids[0]!)).history?.at(-1)
    expect(last).toMatchObject({
      to: 'returned',
      action: 'return',
      reasonLabel: '材料不全',
      reason: '请补充推广情况一节的数据。',
    })
    // Acting from the panel is not an unsaved edit of the document.
    expect(dialogs).toEqual([])
  })
})
