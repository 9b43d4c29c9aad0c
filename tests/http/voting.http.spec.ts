import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { codeInOutbox, codeInSmsOutbox } from '../helpers/outbox'

/**
 * The public site's voting UI on the production stack: the leaderboard page
 * of the seeded campaign whose vote is open today, its share tags, and a
 * reader in Chromium who votes, verifies by the one-time code from the mail
 * outbox, and sees the vote on an open leaderboard page without reloading.
 * It reads the shared stack's mail outbox for the code.
 */
const stack = { cmsUrl: inject('cmsUrl'), siteUrl: inject('siteUrl'), dataDir: inject('dataDir') }
let browser: Browser

/** The seed places the current 医者先行 edition around today, in Beijing's year. */
const YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
  new Date(),
)
const SLUG = `yizhe-xianxing-${YEAR}`
const LEADERBOARD = `/campaigns/${SLUG}/leaderboard`

interface Row {
  rank: number
  key: string
  label: string
  votes: number
  number?: string
}

interface Board {
  rows: Row[]
}

const votes = (n: number) => `${new Intl.NumberFormat('zh-CN').format(n)} 票`

async function page(pathname: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${stack.siteUrl}${pathname}`)
  return { status: res.status, html: await res.text() }
}

async function board(by = 'entry'): Promise<Board> {
  const res = await fetch(`${stack.cmsUrl}/api/voting/leaderboard?campaign=${SLUG}&by=${by}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Board
}

/** The content of <meta property|name|itemprop=…>, decoded as a browser would. */
function meta(html: string, key: string): string | undefined {
  const tag = new RegExp(`<meta (?:property|name|itemprop)="${key}" content="([^"]*)"`).exec(html)
  return tag?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

async function rowVotes(p: Page, key: string): Promise<string> {
  return (await p.locator(`tr[data-key="${key}"] td.num`).last().textContent()) ?? ''
}

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the leaderboard page', () => {
  it('should rank the entries of the campaign in voting as the API does', async () => {
    const api = await board()
    const { status, html } = await page(LEADERBOARD)
    expect(status).toBe(200)
    const keys = [...html.matchAll(/<tr data-key="([^"]+)">/g)].map((m) => m[1])
    expect(keys.length).toBeGreaterThan(5)
    expect(keys).toEqual(api.rows.map((r) => r.key))
    const first = api.rows[0]!
    expect(html).toContain(`<a href="/entries/${first.number}">${first.label}</a>`)
    expect(html).toContain(new Intl.NumberFormat('zh-CN').format(first.votes))
    expect(html).toContain('<th scope="col" class="num">排名</th>')
  })

  it('should rank institutions and provinces on their own links', async () => {
    const provinces = await board('province')
    const { status, html } = await page(`${LEADERBOARD}?by=province`)
    expect(status).toBe(200)
    expect(html).toContain('<caption>按省份得票排行</caption>')
    expect(html).toContain(`<th scope="row">${provinces.rows[0]!.label}</th>`)
    expect(html).toMatch(/<a href="\/campaigns\/[^"]+\/leaderboard\?by=organization"[^>]*>按机构/)
  })

  it('should carry Open Graph, Twitter and WeChat share tags with absolute URLs', async () => {
    const { html } = await page(LEADERBOARD)
    expect(meta(html, 'og:title')).toMatch(/医者先行.*投票排行榜/)
    expect(meta(html, 'og:description')).toContain('投票')
    expect(meta(html, 'og:type')).toBe('website')
    expect(meta(html, 'og:url')).toBe(`${stack.siteUrl}${LEADERBOARD}`)
    expect(meta(html, 'twitter:card')).toBe('summary')
    expect(meta(html, 'name')).toBe(meta(html, 'og:title'))
    expect(meta(html, 'description')).toBeDefined()
  })

  it('should be served in English under /en', async () => {
    const { status, html } = await page(`/en${LEADERBOARD}`)
    expect(status).toBe(200)
    expect(html).toContain('lang="en"')
    expect(html).toContain('<caption>Leaderboard: Entries</caption>')
    expect(meta(html, 'og:url')).toBe(`${stack.siteUrl}/en${LEADERBOARD}`)
  })

  it('should share a ranking by its own address, without stray query parameters', async () => {
    const { html } = await page(`${LEADERBOARD}?utm_source=wechat&by=organization`)
    expect(meta(html, 'og:url')).toBe(`${stack.siteUrl}${LEADERBOARD}?by=organization`)
  })

  it('should be linked from the campaign page', async () => {
    const { html } = await page(`/campaigns/${SLUG}`)
    expect(html).toContain(`href="${LEADERBOARD}"`)
  })

  it('should answer 404 for a campaign that does not exist', async () => {
    const { status } = await page('/campaigns/no-such-campaign/leaderboard')
    expect(status).toBe(404)
  })
})

describe('an entry page in the vote', () => {
  it('should share the entry’s first image as an absolute og:image', async () => {
    const { rows } = await board()
    const { html } = await page(`/entries/${rows[0]!.number}?from=timeline`)
    expect(meta(html, 'og:type')).toBe('article')
    expect(meta(html, 'og:url')).toBe(`${stack.siteUrl}/entries/${rows[0]!.number}`)
    expect(meta(html, 'og:title')).toBe(rows[0]!.label)
    expect(meta(html, 'og:image')).toMatch(new RegExp(`^${stack.siteUrl}/api/media/file/`))
    expect(meta(html, 'image')).toBe(meta(html, 'og:image'))
    expect(meta(html, 'twitter:card')).toBe('summary_large_image')
    const image = await fetch(meta(html, 'og:image')!)
    expect(image.headers.get('content-type')).toMatch(/^image\//)
  })

  it('should put a vote button on every entry card of the campaign in voting', async () => {
    const { html } = await page(`/campaigns/${SLUG}/entries`)
    const cards = html.match(/<article class="card entry-card">/g) ?? []
    expect(cards.length).toBeGreaterThan(0)
    expect(html.match(/data-vote-button/g)).toHaveLength(cards.length)
  })

  it('should offer no vote button for an entry of a campaign whose vote has closed', async () => {
    const res = await fetch(
      `${stack.cmsUrl}/api/entries?where[campaign.slug][equals]=yizhe-xianxing-2022&where[status][equals]=awarded&limit=1&depth=0`,
    )
    const { docs } = (await res.json()) as { docs: { number: string }[] }
    const { status, html } = await page(`/entries/${docs[0]!.number}`)
    expect(status).toBe(200)
    expect(html).not.toContain('data-vote-button')
  })
})

describe('voting in Chromium', () => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'zh-CN' })
  })

  afterAll(async () => {
    await context?.close()
  })

  it('should verify by one-time code, count the vote and show it on the open leaderboard without a reload', async () => {
    const leaderboard = await context.newPage()
    await leaderboard.goto(`${stack.siteUrl}${LEADERBOARD}`)
    const top = (await board()).rows[0]!
    await expect(rowVotes(leaderboard, top.key)).resolves.toBe(
      new Intl.NumberFormat('zh-CN').format(top.votes),
    )
    // Survives only if the page is never reloaded.
    await leaderboard.evaluate(() => {
      ;(window as unknown as { notReloaded: boolean }).notReloaded = true
    })

    const entry = await context.newPage()
    await entry.goto(`${stack.siteUrl}/entries/${top.number}`)
    await entry.getByRole('button', { name: `为“${top.label}”投票` }).click()

    const dialog = entry.getByRole('dialog', { name: '验证身份后投票' })
    // The dialog opens once the server has answered 401 voter_required.
    await dialog.waitFor({ state: 'visible' })
    const address = `reader-${Date.now()}@example.org`
    await dialog.getByLabel('邮箱地址').fill(address)
    await dialog.getByRole('button', { name: '获取验证码' }).click()
    const codeInput = dialog.getByLabel('6 位数字验证码')
    await codeInput.waitFor({ state: 'visible' })
    await expect(dialog.textContent()).resolves.toContain('验证码已发送至 re***@example.org')

    await expect
      .poll(() => codeInOutbox(stack.dataDir, address), { timeout: 10_000 })
      .toMatch(/^\d{6}$/)
    await codeInput.fill(codeInOutbox(stack.dataDir, address)!)
    await dialog.getByRole('button', { name: '验证并投票' }).click()

    const status = entry.locator('.vote [role="status"]')
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('投票成功')
    await expect(status.textContent()).resolves.toContain('今日还可投 9 票')
    await expect(dialog.isVisible()).resolves.toBe(false)
    await expect(entry.locator('.vote__tally').textContent()).resolves.toBe(votes(top.votes + 1))
    const cookies = await context.cookies(stack.siteUrl)
    expect(cookies.map((c) => c.name)).toContain('exemplar-voter')

    // A second click the same day is answered, not counted again.
    await entry.getByRole('button', { name: `为“${top.label}”投票` }).click()
    await expect.poll(() => status.textContent()).toContain('今天已为该作品投过票')
    await expect(entry.locator('.vote__tally').textContent()).resolves.toBe(votes(top.votes + 1))

    await leaderboard.bringToFront()
    await expect
      .poll(() => rowVotes(leaderboard, top.key), { timeout: 15_000, interval: 500 })
      .toBe(new Intl.NumberFormat('zh-CN').format(top.votes + 1))
    // The chart follows the table, redrawn in place with the new count.
    await expect
      .poll(() => leaderboard.locator('[data-leaderboard-chart] figcaption').textContent(), {
        timeout: 40_000,
        interval: 500,
      })
      .toContain(`${top.label} ${votes(top.votes + 1)}`)
    await expect(
      leaderboard.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).resolves.toBe(true)
    expect((await board()).rows.find((r) => r.key === top.key)?.votes).toBe(top.votes + 1)
  })

  it('should verify by a code sent as a text message when the reader chooses a mobile number', async () => {
    const top = (await board()).rows[0]!
    const reader = await browser.newContext({ locale: 'zh-CN' })
    try {
      const entry = await reader.newPage()
      await entry.goto(`${stack.siteUrl}/entries/${top.number}`)
      await entry.getByRole('button', { name: `为“${top.label}”投票` }).click()
      const dialog = entry.getByRole('dialog', { name: '验证身份后投票' })
      await dialog.waitFor({ state: 'visible' })
      await dialog.getByLabel('手机短信').check()
      const mobile = `139${String(Date.now()).slice(-8)}`
      await dialog.getByLabel('手机号码').fill(mobile)
      await dialog.getByRole('button', { name: '获取验证码' }).click()
      const codeInput = dialog.getByLabel('6 位数字验证码')
      await codeInput.waitFor({ state: 'visible' })
      await expect
        .poll(() => codeInSmsOutbox(stack.dataDir, mobile), { timeout: 10_000 })
        .toMatch(/^\d{6}$/)
      await codeInput.fill(codeInSmsOutbox(stack.dataDir, mobile)!)
      await dialog.getByRole('button', { name: '验证并投票' }).click()
      const status = entry.locator('.vote [role="status"]')
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('投票成功')
    } finally {
      await reader.close()
    }
  })

  it('should draw the chart of the top entries once votes are recorded', async () => {
    // The seed's tallies have no hourly records; the vote above made the first one.
    await expect
      .poll(async () => (await page(LEADERBOARD)).html, { timeout: 20_000, interval: 1_000 })
      .toMatch(/<figure class="chart">[\s\S]*<path d="M[\d.]+ [\d.]+/)
    const { html } = await page(LEADERBOARD)
    expect(html).toContain('<svg viewBox="0 0 640 280" role="img"')
  })

  it('should show the server’s own message when a vote is refused', async () => {
    const { rows } = await board()
    const entry = await context.newPage()
    const refusal = '今日投票次数已达上限（每人每天 10 票），请明天再来。'
    await entry.route('**/api/voting/votes', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ code: 'daily_cap_reached', message: refusal }] }),
      }),
    )
    await entry.goto(`${stack.siteUrl}/entries/${rows[1]!.number}`)
    await entry.getByRole('button', { name: `为“${rows[1]!.label}”投票` }).click()
    const status = entry.locator('.vote [role="status"]')
    await expect.poll(() => status.textContent()).toBe(refusal)
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite')
    await entry.close()
  })
})

describe('without JavaScript', () => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })
  })

  afterAll(async () => {
    await context?.close()
  })

  it('should explain that voting needs JavaScript and link to the leaderboard', async () => {
    const { rows } = await board()
    const entry = await context.newPage()
    await entry.goto(`${stack.siteUrl}/entries/${rows[0]!.number}`)
    await expect(entry.getByRole('button', { name: /投票/ }).count()).resolves.toBe(0)
    // Playwright's text search skips <noscript>; the note is found by its class.
    const note = entry.locator('.vote__nojs')
    await expect(note.isVisible()).resolves.toBe(true)
    await expect(note.textContent()).resolves.toContain('投票需要启用浏览器的 JavaScript。')
    await entry.getByRole('link', { name: '查看投票排行榜' }).click()
    await expect.poll(() => entry.url()).toBe(`${stack.siteUrl}${LEADERBOARD}`)
    await expect(entry.locator('tr[data-key]').count()).resolves.toBeGreaterThan(5)
  })
})
