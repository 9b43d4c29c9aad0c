import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { closeChromium, launchChromium, signInToAdmin } from '../helpers/browser'
import { currentSlug, readAs, signIn } from '../helpers/seededStack'

/**
 * The editors' side of results in the admin, in Chromium: on a campaign
 * in expert review, preview the results track by track and freeze the
 * first snapshot from the 评选规则 panel; on a finished seed-000 edition,
 * the 颁发证书 panel shows what its result allows and what is held; on
 * seed 001's photo special in publicity, the 投票核查 panel names the
 * entry behind the burst of likes its open objection is about, and flags
 * those votes.
 */
const cmsUrl = inject('cmsUrl')

let browser: Browser
const contexts: BrowserContext[] = []
let editorToken: string

const api = (route: string): Promise<Json> => readAs(cmsUrl, editorToken, route)

const campaignId = async (slug: string) =>
  ((await api(`/campaigns?where[slug][equals]=${slug}&depth=0&limit=1`)).docs as Json[])[0]!.id

beforeAll(async () => {
  editorToken = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
  browser = await launchChromium()
})

afterAll(async () => {
  await closeChromium(browser, contexts)
})

/**
 * The admin renders a field only once it comes within 1,000 px of the
 * viewport (RenderIfInViewport). The editors' window is tall, and the page
 * is walked down a screen at a time (back to the top at the bottom) until
 * the panel's control is there, so neither layout timing nor where a
 * scroll lands decides whether the panel renders.
 */
async function reveal(page: Page, control: string): Promise<void> {
  await page.locator('form').first().waitFor({ state: 'attached', timeout: 30_000 })
  await expect
    .poll(
      async () => {
        const found = await page.getByTestId(control).count()
        if (found === 0) {
          await page.evaluate(() => {
            const bottom = window.scrollY + window.innerHeight >= document.body.scrollHeight - 2
            window.scrollTo(0, bottom ? 0 : window.scrollY + window.innerHeight)
          })
        }
        return found
      },
      { timeout: 40_000, interval: 500 },
    )
    .toBeGreaterThan(0)
}

/**
 * Click a button until what it loads is there: the admin renders the panel
 * on the server, and a click that lands before React has hydrated it does
 * nothing. Both buttons pressed this way only read, so pressing twice is safe.
 */
async function pressUntil(button: Locator, shown: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await shown.count()) === 0) {
          await button.click({ timeout: 10_000 }).catch(() => undefined)
          await shown.waitFor({ timeout: 3_000 }).catch(() => undefined)
        }
        return shown.count()
      },
      { timeout: 45_000, interval: 250 },
    )
    .toBeGreaterThan(0)
}

async function editorPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 2400 },
  })
  contexts.push(context)
  const page = await context.newPage()
  await signInToAdmin(page, cmsUrl, 'editor@example.org', 'exemplar-editor')
  return page
}

describe('results and certificates in the admin', () => {
  it('should preview a campaign’s results per tier and freeze the first snapshot', async () => {
    const id = await campaignId(currentSlug('yigongti'))
    const snapshots = `/result-snapshots?where[campaign][equals]=${String(id)}&depth=0`
    expect((await api(snapshots)).totalDocs).toBe(0)
    const page = await editorPage()
    await page.goto(`${cmsUrl}/admin/collections/campaigns/${String(id)}`)
    await reveal(page, 'results-preview')
    const panel = page.getByTestId('results-panel')
    await pressUntil(
      panel.getByTestId('results-preview'),
      panel.getByTestId('results-preview-state'),
    )
    await expect
      .poll(async () => panel.getByTestId('results-preview-state').innerText(), {
        timeout: 20_000,
      })
      .toContain('尚未冻结结果')
    const text = await panel.innerText()
    expect(text).toMatch(/（参评 \d+ 件）/)
    expect(text).toMatch(/入选 \d+ \/ 名额 \d+/)

    await panel.getByTestId('results-freeze').click()
    await expect
      .poll(async () => panel.getByTestId('results-panel-message').innerText(), {
        timeout: 20_000,
      })
      .toMatch(/^已冻结第 1 版结果，SHA-256 [0-9a-f]{64}$/)
    const message = await panel.getByTestId('results-panel-message').innerText()
    const frozen = (await api(snapshots)).docs as Json[]
    expect(frozen).toHaveLength(1)
    expect(message).toContain(String(frozen[0]!.sha256))
    await expect
      .poll(async () => panel.getByTestId('results-preview-state').innerText())
      .toContain('与已冻结的第 1 版相同')
    // Nothing changed since: freezing again is not offered.
    expect(await panel.getByTestId('results-freeze').isDisabled()).toBe(true)
  }, 120_000)

  it('should show on a finished edition the certificates its result allows, and which are held', async () => {
    const id = await campaignId('yizhe-xianxing-2022')
    const held = (await api(
      `/certificates?where[campaign][equals]=${String(id)}&where[kind][equals]=organizer&depth=0`,
    )) as Json
    expect(held.totalDocs).toBeGreaterThan(0)
    const page = await editorPage()
    await page.goto(`${cmsUrl}/admin/collections/campaigns/${String(id)}`)
    const panel = page.getByTestId('certificates-panel')
    const organizers = panel.getByTestId('certificates-organizers')
    await organizers.waitFor({ timeout: 30_000 })
    const items = organizers.locator('li')
    expect(await items.count()).toBe(held.totalDocs)
    for (const item of await items.all()) {
      expect(await item.innerText()).toContain('（已颁发）')
      expect(await item.locator('input').isDisabled()).toBe(true)
    }
    await panel.getByTestId('certificates-issue-awards').click()
    await expect
      .poll(async () => panel.getByTestId('certificates-panel-message').innerText(), {
        timeout: 20_000,
      })
      .toMatch(/^新颁发 0 张，已有 \d+ 张$/)
  })

  it('should show the campaign’s vote-integrity report with the entries named, and flag the votes behind it', async () => {
    const id = await campaignId(currentSlug('nixingzhe-jiceng'))
    const open = (
      await api(
        `/objections?where[campaign][equals]=${String(id)}&where[status][equals]=open&depth=1`,
      )
    ).docs as Json[]
    expect(open).toHaveLength(1)
    const objected = open[0]!.entry as Json
    const page = await editorPage()
    await page.goto(`${cmsUrl}/admin/collections/campaigns/${String(id)}`)
    await reveal(page, 'integrity-load')
    const panel = page.getByTestId('integrity-panel')
    const summary = panel.getByTestId('integrity-summary')
    await pressUntil(panel.getByTestId('integrity-load'), summary)
    expect(await summary.innerText()).toMatch(
      /^集中投票 1 处，同一网络多人投票 1 处，同一设备多人投票 1 处/,
    )
    const bursts = panel.getByTestId('integrity-bursts')
    expect(await bursts.locator('tbody tr').count()).toBe(1)
    const row = await bursts.locator('tbody tr').first().innerText()
    expect(row).toContain(String(objected.number))
    expect(row).toContain('36')
    await panel.getByTestId('integrity-flag').click()
    await expect
      .poll(async () => panel.getByTestId('integrity-message').innerText(), { timeout: 20_000 })
      .toMatch(/^已标记 (36|0) 票为可疑/)
    await expect
      .poll(async () => summary.innerText(), { timeout: 20_000 })
      .toContain('已标记可疑 36 票')
  }, 120_000)
})
