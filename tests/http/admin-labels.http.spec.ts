import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, signInToAdmin } from '../helpers/browser'

/**
 * The admin in Chinese, in a browser whose own zone is UTC: array rows named
 * by their content, states and phases by their labels, the seeded timeline
 * in Beijing time and a Chinese format, and nothing asked of Gravatar.
 */
const cmsUrl = inject('cmsUrl')
/** Payload's English fallback row labels ("Author 01") and their like. */
const ENGLISH_ROW =
  /\b(Campus|Section|Author|History|Attachment|Phase|Track|Organizer|Contact|Term|Criterion|Change|Screening Flag|Row)s? \d+/
/** The seeded 2022 edition's submission deadline: 30 June 2022, midnight in Beijing. */
const CAMPAIGN = 'yizhe-xianxing-2022'
const DEADLINE_BEIJING = '2022年6月30日 00:00'

let browser: Browser
let context: BrowserContext
let page: Page
const requested: string[] = []
/** Dialogs the pages opened, e.g. a leave-without-saving prompt from a form that changed itself. */
const dialogs: string[] = []

async function idOf(path: string): Promise<string | number> {
  const res = await page.request.get(`${cmsUrl}/api/${path}`)
  expect(res.status()).toBe(200)
  const { docs } = (await res.json()) as { docs: { id: string | number }[] }
  expect(docs).toHaveLength(1)
  return docs[0]!.id
}

beforeAll(async () => {
  browser = await launchChromium()
  // A browser in UTC: a date shown in the browser's own zone would read 2022年6月29日 16:00.
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' })
  context.on('request', (request) => requested.push(request.url()))
  page = await context.newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.accept()
  })
  await signInToAdmin(page, cmsUrl, 'editor@example.org', 'exemplar-editor')
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('the admin in Chinese', () => {
  it('should name an entry’s rows by their content and its states in Chinese', async () => {
    const id = await idOf(
      'entries?limit=1&depth=0&where[number][equals]=2022-YZA0001&select[number]=true',
    )
    await page.goto(`${cmsUrl}/admin/collections/entries/${id}`)
    await page.locator('.array-field').first().waitFor({ state: 'visible' })
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(ENGLISH_ROW)
    // The history rows: 已提交 → 审核中, …, ending in 获奖.
    expect(text).toMatch(/已提交 → 审核中/)
    expect(text).toContain('获奖')
    expect(text).not.toMatch(/\b(draft|submitted|screening|awarded)\b/)
  })

  it('should list entries with their states and tracks by name, asking nothing of Gravatar', async () => {
    // The 2022 edition's entries: track `case` (典型案例（图文类）), states from 获奖 to 未通过.
    const list = `${cmsUrl}/admin/collections/entries?limit=25&where[number][like]=2022-YZA`
    // Not the load event: Next streams the list view's rows after the document.
    await page.goto(list, { waitUntil: 'domcontentloaded' })
    await page.locator('.collection-list table').waitFor({ state: 'visible' })
    const cells = page.locator('.collection-list table tbody td')
    await expect
      .poll(async () => (await cells.allInnerTexts()).join('\n'), { timeout: 20_000 })
      .toContain('典型案例（图文类）')
    const text = (await cells.allInnerTexts()).join('\n')
    expect(text).toContain('获奖')
    expect(text).toContain('未通过')
    expect(text).not.toMatch(/^(draft|submitted|screening|voting|awarded|publicity|case)$/m)
    expect(requested.filter((url) => /gravatar/i.test(url))).toEqual([])
    expect(requested.some((url) => url.startsWith(cmsUrl))).toBe(true)
  })
  it('should show a campaign’s timeline in Beijing time, in Chinese, with its phases named', async () => {
    const id = await idOf(
      `campaigns?limit=1&depth=0&where[slug][equals]=${CAMPAIGN}&select[slug]=true`,
    )
    await page.goto(`${cmsUrl}/admin/collections/campaigns/${id}`)
    const tab = page.getByRole('button', { name: '时间线' })
    const deadline = page.locator('.date-time-picker input').nth(3)
    // A click before React has hydrated the tabs is lost: click until the timeline shows.
    await expect
      .poll(
        async () => {
          await tab.click()
          return deadline.isVisible()
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    // The 2nd phase (典型案例上报) ends at the deadline: inputs are start, end per phase.
    expect(await deadline.inputValue()).toBe(DEADLINE_BEIJING)
    const text = await page.locator('body').innerText()
    expect(text).toContain(`典型案例上报 · 2021年11月1日 00:00 – ${DEADLINE_BEIJING}`)
    expect(text).not.toMatch(ENGLISH_ROW)
    expect(text).not.toMatch(/\b(registration|submission|screening|voting)\b/)
    // Only looked at: leaving must not ask whether to discard changes.
    await page.goto(`${cmsUrl}/admin`)
    expect(dialogs).toEqual([])
  })
})
