import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ENTRY_STATE_LABELS } from '@exemplar/domain'

import type { Json } from '../helpers/api'
import { currentSlug, readAs, signIn } from '../helpers/seededStack'

import { closeChromium, launchChromium, signInToAdmin } from '../helpers/browser'

/**
 * Expert review end to end, in Chromium, on the seeded current edition of
 * seed 004 (blind review running, screening still open for late entries):
 * an editor accepts the entry still in screening and sends it to review
 * from its page, assigns automatically from the review desk; one of the
 * reviewers it went to scores it on a 390-px-wide phone and submits; the
 * editor sees its normalized score on the desk.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const SLUG = currentSlug('yigongti')

let browser: Browser
let editorContext: BrowserContext
let editor: Page
let editorToken: string

const api = (route: string): Promise<Json> => readAs(cmsUrl, editorToken, route)

async function shownState(panel: Locator, label: string): Promise<void> {
  await panel.locator('strong', { hasText: label }).waitFor({ state: 'visible', timeout: 30_000 })
}

beforeAll(async () => {
  editorToken = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
  browser = await launchChromium()
  editorContext = await browser.newContext({ locale: 'zh-CN' })
  editor = await editorContext.newPage()
  await signInToAdmin(editor, cmsUrl, 'editor@example.org', 'exemplar-editor')
})

afterAll(async () => {
  await closeChromium(browser, [editorContext])
})

describe('screening, assignment, scoring on a phone, the normalized score', () => {
  it('should carry one entry from screening to a normalized expert score', async () => {
    const campaign = (await api(`/campaigns?where[slug][equals]=${SLUG}&depth=0&limit=1`))
      .docs[0] as Json
    expect(campaign.review.normalization).toBe('zscore')
    const waiting = (
      await api(
        `/entries?where[campaign][equals]=${campaign.id}&where[status][equals]=screening&depth=0&limit=1`,
      )
    ).docs[0] as Json
    expect(waiting).toBeDefined()

    // Screening: accept, then send to expert review, from the entry's own page.
    await editor.goto(`${cmsUrl}/admin/collections/entries/${waiting.id}`)
    const panel = editor.getByTestId('workflow-panel')
    await panel.getByRole('button', { name: '审核通过' }).click({ timeout: 30_000 })
    await expect
      .poll(async () => (await api(`/entries/${waiting.id}?depth=0`)).status, { timeout: 20_000 })
      .toBe('accepted')
    // The panel reloads the page itself after each transition: wait for the reloaded panel, or a
    // later navigation races the reload and is aborted (net::ERR_ABORTED).
    await shownState(panel, ENTRY_STATE_LABELS.accepted.zh)
    await panel.getByRole('button', { name: '进入专家评审' }).click({ timeout: 30_000 })
    await expect
      .poll(async () => (await api(`/entries/${waiting.id}?depth=0`)).status, { timeout: 20_000 })
      .toBe('review')
    await shownState(panel, ENTRY_STATE_LABELS.review.zh)

    // Assignment: the desk's automatic run gives it (and every other assignable entry) k = 3.
    await editor.goto(`${cmsUrl}/admin/review`)
    const desk = editor.locator('[data-review-desk]')
    await desk.waitFor({ state: 'visible', timeout: 30_000 })
    await desk.locator('[data-review-campaign]').selectOption(String(campaign.id))
    await desk.locator('[data-review-assign]').click()
    await expect
      .poll(async () => desk.locator('[data-review-message]').innerText(), { timeout: 20_000 })
      .toMatch(/已新分配 \d+ 项/)
    const assigned = (await api(`/entries/${waiting.id}?depth=1`)) as Json
    expect(assigned.reviewers).toHaveLength(3)
    const email = (assigned.reviewers as Json[])[0]!.email as string

    // The reviewer, on a phone.
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    try {
      const page: Page = await phone.newPage()
      await page.goto(`${siteUrl}/login?next=/review`)
      await page.fill('[name="email"]', email)
      await page.fill('[name="password"]', 'exemplar-reviewer')
      await page.getByTestId('login-submit').click()
      await page.waitForURL(/\/review$/)
      await page.locator('review-tasks[data-loaded]').waitFor({ timeout: 30_000 })
      await page
        .locator('[data-task-id]', { hasText: assigned.number as string })
        .locator('[data-review-task-link]')
        .click()
      await page.locator('review-task[data-loaded]').waitFor({ timeout: 30_000 })
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      )
      const rubric = (campaign.tracks as Json[]).find((t) => t.key === assigned.track)!
        .rubric as Json[]
      expect(rubric.map((c) => c.label)).toEqual(['真实性', '创新性', '实效性', '典型性', '变革性'])
      const given = [9, 8, 9, 7, 8]
      for (const [i, criterion] of rubric.entries()) {
        await page.fill(`#field-scores-${criterion.key}`, String(given[i]))
      }
      // The live total: Σwᵢsᵢ/Σwᵢ on 0–100, equal weights here.
      await expect
        .poll(async () => page.locator('#review-total').getAttribute('data-total'))
        .toBe('82.00')
      await page.check('input[name=recommendation][value=recommend]')
      await page.click('#review-submit')
      await page.locator('dialog#review-confirm #review-submit-confirm').click()
      await expect
        .poll(async () => page.locator('#review-status').getAttribute('data-status'), {
          timeout: 20_000,
        })
        .toBe('submitted')
    } finally {
      await phone.close()
    }

    // The editor sees it among the scores, normalized per reviewer (z-score, rescaled).
    await editor.reload()
    await desk.waitFor({ state: 'visible', timeout: 30_000 })
    await desk.locator('[data-review-campaign]').selectOption(String(campaign.id))
    const row = desk.locator(`[data-review-scores] tr[data-entry-number="${assigned.number}"]`)
    await row.waitFor({ timeout: 30_000 })
    const shown = await row.locator('[data-normalized]').innerText()
    const scores = (await api(`/review/scores?campaign=${campaign.id}`)) as Json
    const mine = (scores.entries as Json[]).find((e) => e.number === assigned.number)!
    expect(mine.reviews).toBe(1)
    expect(mine.rawMean).toBe(82)
    expect(Number.parseFloat(shown)).toBeCloseTo(mine.mean, 1)
    // Normalized is not the raw total: this reviewer has scored enough to be rescaled.
    expect(mine.mean).not.toBe(82)
  })
})
