import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { closeChromium, launchChromium } from '../helpers/browser'

/**
 * The gallery page (作品库) on the seeded stack, in Chromium with
 * JavaScript off: the search form and every facet, sort and page link work
 * as plain links and GET forms; the counts a facet shows are the cards its
 * link then finds; the page agrees with GET /api/search; a hand-edited
 * parameter gets a 400 naming it; English under /en.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')

let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await closeChromium(browser, contexts)
})

const search = async (qs: string): Promise<Json> =>
  (await (await fetch(`${cmsUrl}/api/search?${qs}`)).json()) as Json

async function pageWithoutScripts(locale = 'zh-CN') {
  const context = await browser.newContext({ javaScriptEnabled: false, locale })
  contexts.push(context)
  return context.newPage()
}

const countIn = (text: string) => Number(/([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN)

describe('the gallery without JavaScript', () => {
  it('should list every public entry, 24 a page, as the search API counts them', async () => {
    const all = await search('')
    expect(all.totalDocs).toBeGreaterThan(24)
    const page = await pageWithoutScripts()
    await page.goto(`${siteUrl}/gallery`)
    expect(countIn(await page.getByTestId('gallery-found').innerText())).toBe(all.totalDocs)
    const cards = page.getByTestId('gallery-grid').locator('li')
    expect(await cards.count()).toBe(24)
    const first = (all.docs as Json[])[0]!
    expect(await cards.first().innerText()).toContain(String(first.title))
    expect(await cards.first().locator('a').getAttribute('href')).toBe(
      `/entries/${encodeURIComponent(String(first.number))}`,
    )
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '2' }).click()
    expect(new URL(page.url()).searchParams.get('page')).toBe('2')
    expect(await cards.first().innerText()).toContain(
      String(((await search('page=2')).docs as Json[])[0]!.title),
    )
  })

  it('should narrow by a facet link to exactly the count it shows, and clear it again', async () => {
    const page = await pageWithoutScripts()
    await page.goto(`${siteUrl}/gallery`)
    const award = page.locator('[data-facet="award"] li a').first()
    const shown = countIn(await award.locator('.gallery-facet__count').innerText())
    expect(shown).toBeGreaterThan(0)
    await award.click()
    expect(countIn(await page.getByTestId('gallery-found').innerText())).toBe(shown)
    const chosen = page.locator('[data-facet="award"] a[aria-current="true"]')
    expect(await chosen.count()).toBe(1)
    const value = new URL(page.url()).searchParams.get('award')!
    expect((await search(`award=${encodeURIComponent(value)}`)).totalDocs).toBe(shown)
    await page.getByTestId('gallery-clear').click()
    expect(new URL(page.url()).search).toBe('')
  })

  it('should search by the form, mark the matches, and keep the chosen filters', async () => {
    const page = await pageWithoutScripts()
    await page.goto(`${siteUrl}/gallery`)
    const year = page.locator('[data-facet="year"] li a').first()
    await year.click()
    const chosenYear = new URL(page.url()).searchParams.get('year')!
    const word = '健康'
    await page.getByLabel('搜索作品').fill(word)
    await page.getByRole('button', { name: '搜索' }).click()
    const url = new URL(page.url())
    expect([url.searchParams.get('q'), url.searchParams.get('year')]).toEqual([word, chosenYear])
    const expected = await search(`q=${encodeURIComponent(word)}&year=${chosenYear}`)
    expect(countIn(await page.getByTestId('gallery-found').innerText())).toBe(expected.totalDocs)
    if (expected.totalDocs > 0) {
      const marks = page.getByTestId('gallery-grid').locator('mark')
      expect(await marks.count()).toBeGreaterThan(0)
      expect(await marks.first().innerText()).toBe(word)
    }
    expect(await page.title()).toContain(`“${word}”`)
  })

  it('should refuse a hand-edited parameter with 400, naming it and its limit', async () => {
    const long = await fetch(`${siteUrl}/gallery?q=${'健'.repeat(51)}`)
    expect(long.status).toBe(400)
    const html = await long.text()
    expect(html).toContain('搜索词不超过 50 个字，现为 51 个字')
    expect(long.headers.get('x-exemplar-cache')).toBeNull()
    const page = await fetch(`${siteUrl}/gallery?page=401`)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('页码须为 1 到 400 的整数')
  })

  it('should read in English under /en, with provinces and facets named in English', async () => {
    const page = await pageWithoutScripts('en-US')
    await page.goto(`${siteUrl}/en/gallery`)
    expect(await page.locator('h1').innerText()).toBe('Gallery')
    const province = page.locator('[data-facet="province"]')
    if ((await province.count()) > 0) {
      expect(await province.locator('summary').innerText()).toBe('Province')
      // A long facet starts folded (<details>): read its text, shown or not.
      expect(await province.locator('li a').first().textContent()).toMatch(/^\s*[A-Z][a-z]/)
    }
    expect(await page.locator('[data-facet="year"] li a').first().getAttribute('href')).toMatch(
      /^\/en\/gallery\?year=\d{4}$/,
    )
  })
})

describe('the home page’s numbers and sharing an entry', () => {
  it('should lead with the latest year’s numbers, as the gallery counts them, each a link into it', async () => {
    const years = ((await search('')).facets.year as Json[]).map((y) => Number(y.value))
    const year = Math.max(...years)
    const ofYear = await search(`year=${year}`)
    const page = await pageWithoutScripts()
    await page.goto(`${siteUrl}/`)
    const numbers = page.getByTestId('home-numbers')
    expect(await numbers.locator('h2').innerText()).toContain(String(year))
    const entries = numbers.locator('[data-figure="entries"]')
    expect(countIn(await entries.locator('.numbers__n').innerText())).toBe(ofYear.totalDocs)
    const provinces = countIn(
      await numbers.locator('[data-figure="provinces"] .numbers__n').innerText(),
    )
    expect(provinces).toBe((ofYear.facets.province as Json[]).length)
    await entries.locator('a').click()
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year))
    expect(countIn(await page.getByTestId('gallery-found').innerText())).toBe(ofYear.totalDocs)
  })

  it('should give an entry page its QR code, Open Graph tags, and a print layout without controls', async () => {
    const card = ((await search('')).docs as Json[])[0]!
    const context = await browser.newContext({ locale: 'zh-CN' })
    contexts.push(context)
    const page = await context.newPage()
    const path = `/entries/${encodeURIComponent(String(card.number))}`
    await page.goto(`${siteUrl}${path}`)
    const qr = page.getByTestId('share-qr')
    expect(await qr.locator('svg').count()).toBe(1)
    expect(await qr.locator('.share-qr__url').innerText()).toBe(`${siteUrl}${path}`)
    const og = async (property: string) =>
      page.locator(`meta[property="${property}"]`).getAttribute('content')
    expect(await og('og:title')).toBe(String(card.title))
    expect(await og('og:url')).toBe(`${siteUrl}${path}`)
    expect(await og('og:type')).toBe('article')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    expect(await qr.isVisible()).toBe(true)
    expect(await page.locator('h1').isVisible()).toBe(true)
  })
})
