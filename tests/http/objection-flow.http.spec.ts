import { createHash } from 'node:crypto'

import { canonicalJson, type ResultsBody } from '@exemplar/domain'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { closeChromium, launchChromium, signInToAdmin } from '../helpers/browser'
import { codeInSmsOutbox, newestSms } from '../helpers/outbox'
import { currentSlug, readAs, signIn } from '../helpers/seededStack'

/**
 * Publicity end to end, in Chromium, on the seeded current health edition
 * (its publicity is open today): a reader signed in on the site objects
 * to an entry from the results page; an editor upholds it from the
 * objection's page in the admin; the results page then lists the entry as
 * 已撤销 under a new snapshot whose hash anyone recomputes.
 *
 * An entry in publicity holds no certificate yet (awarding is bound to the
 * results phase, after publicity), so the certificate page's side is shown
 * on a finished edition: revoking an award through the same workflow
 * action an upheld objection takes turns its certificate page to 已撤销.
 * A reader without an account objects after proving a mobile number by
 * the voting code, and the decision reaches that number.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const dataDir = inject('dataDir')
const SLUG = currentSlug('jiankang-zhongguo-cujin')

let browser: Browser
const contexts: BrowserContext[] = []
let editorToken: string

const api = (route: string): Promise<Json> => readAs(cmsUrl, editorToken, route)

beforeAll(async () => {
  editorToken = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
  browser = await launchChromium()
})

afterAll(async () => {
  await closeChromium(browser, contexts)
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' })
  contexts.push(context)
  return context.newPage()
}

describe('an objection in publicity, upheld', () => {
  it('should take a reader’s objection on the results page and show the revocation once an editor upholds it', async () => {
    // The reader signs in on the site and objects from the results page.
    const reader = await newPage()
    await reader.goto(`${siteUrl}/login?next=/campaigns/${SLUG}/results`)
    await reader.fill('[name="email"]', 'participant@example.org')
    await reader.fill('[name="password"]', 'exemplar-participant')
    await reader.getByTestId('login-submit').click()
    await reader.waitForURL(/\/results$/)
    const form = reader.getByTestId('objection-form')
    await form.waitFor({ state: 'visible', timeout: 30_000 })
    const select = form.locator('select[name="entry"]')
    const entryId = await select.locator('option').first().getAttribute('value')
    expect(entryId).toBeTruthy()
    await select.selectOption(entryId!)
    await form
      .locator('textarea[name="text"]')
      .fill('该案例的随访数据与县卫生统计公报不符，请核实。')
    const screenshot = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#36c' },
    })
      .png()
      .toBuffer()
    await form
      .locator('input[name="evidence"]')
      .setInputFiles({ name: '统计公报截图.png', mimeType: 'image/png', buffer: screenshot })
    await reader.getByTestId('objection-submit').click()
    await expect
      .poll(async () => reader.getByTestId('objection-message').innerText(), { timeout: 20_000 })
      .toContain('异议已提交')
    const raised = (
      await api(
        `/objections?where[entry][equals]=${entryId}&where[status][equals]=open&sort=-createdAt&depth=0&limit=1`,
      )
    ).docs[0] as Json
    expect(raised.text).toContain('县卫生统计公报')
    // The evidence came along, private to the objector and the committee.
    const evidence = raised.evidence as number[]
    expect(evidence).toHaveLength(1)
    expect((await fetch(`${cmsUrl}/api/media/${evidence[0]}`)).status).not.toBe(200)

    // The editor upholds it from the objection's page, with the entry's history in view.
    const editor = await newPage()
    await signInToAdmin(editor, cmsUrl, 'editor@example.org', 'exemplar-editor')
    await editor.goto(`${cmsUrl}/admin/collections/objections/${String(raised.id)}`)
    const panel = editor.getByTestId('objection-panel')
    await panel.getByTestId('objection-entry-history').waitFor({ timeout: 30_000 })
    expect(await panel.getByTestId('objection-evidence').locator('a').count()).toBe(1)
    await panel.locator('#objection-reason').fill('经核实随访数据虚报')
    await panel.getByRole('button', { name: '异议成立：撤销该作品' }).click()
    await expect
      .poll(async () => (await api(`/objections/${String(raised.id)}?depth=0`)).status, {
        timeout: 20_000,
      })
      .toBe('upheld')
    expect((await api(`/entries/${entryId}?depth=0`)).status).toBe('revoked')

    // The results page: the entry under 已撤销, and the new snapshot's hash.
    const campaign = (await api(`/campaigns?where[slug][equals]=${SLUG}&depth=0&limit=1`))
      .docs[0] as Json
    const latest = (
      await api(
        `/result-snapshots?where[campaign][equals]=${campaign.id}&sort=-sequence&depth=0&limit=1`,
      )
    ).docs[0] as Json
    expect(latest.reason).toBe('异议成立：经核实随访数据虚报')
    const sha = createHash('sha256')
      .update(canonicalJson(latest.body as ResultsBody))
      .digest('hex')
    expect(sha).toBe(latest.sha256)
    // The site's reads are cached for 10 s: the page shows the new snapshot within that.
    await expect
      .poll(
        async () => {
          await reader.goto(`${siteUrl}/campaigns/${SLUG}/results`)
          return reader.getByTestId('results-hash').innerText()
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(sha)
    const revoked = reader.getByTestId('revoked-entries')
    expect(await revoked.innerText()).toContain('已撤销')
  })

  it('should show 已撤销 on the certificate page within a minute of the award’s revocation', async () => {
    const campaign = (
      await api(`/campaigns?where[slug][equals]=jiceng-kepu-shipin-2024&depth=0&limit=1`)
    ).docs[0] as Json
    // The earliest of the edition's certificates: other suites read the newest valid one.
    const certificate = (
      await api(
        `/certificates?where[campaign][equals]=${campaign.id}&where[status][equals]=valid&sort=serial&depth=0&limit=1`,
      )
    ).docs[0] as Json
    expect(certificate).toBeDefined()
    const reader = await newPage()
    await reader.goto(`${siteUrl}/certificates/${String(certificate.number)}`)
    expect(await reader.getByTestId('certificate-status').innerText()).toContain('有效')

    const res = await fetch(
      `${cmsUrl}/api/workflow/entries/${String(certificate.entry)}/transitions`,
      {
        method: 'POST',
        headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'revoke',
          reason: { code: 'plagiarism', text: '经举报核实，视频素材系翻拍他人作品' },
        }),
      },
    )
    expect(res.status, await res.clone().text()).toBe(200)
    await expect
      .poll(
        async () => {
          await reader.goto(`${siteUrl}/certificates/${String(certificate.number)}`)
          return reader.getByTestId('certificate-status').innerText()
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toContain('已撤销')
    expect(await reader.getByTestId('certificate-revoked').innerText()).toContain('撤销')
  })

  it('should take an objection from a reader without an account who verifies a mobile number, and text them the decision', async () => {
    const reader = await newPage()
    await reader.goto(`${siteUrl}/campaigns/${SLUG}/results`)
    const form = reader.getByTestId('objection-form')
    await form.waitFor({ state: 'visible', timeout: 30_000 })
    const select = form.locator('select[name="entry"]')
    const entryId = await select.locator('option').last().getAttribute('value')
    await select.selectOption(entryId!)
    await form.locator('textarea[name="text"]').fill('该案例宣传图片中的患者未签署肖像授权。')
    await reader.getByTestId('objection-submit').click()

    // Not signed in: the code dialog opens, worded for an objection.
    const dialog = reader.getByRole('dialog', { name: '验证身份后提交异议' })
    await dialog.waitFor({ state: 'visible', timeout: 20_000 })
    await dialog.getByLabel('手机短信').check()
    const mobile = `137${String(Date.now()).slice(-8)}`
    await dialog.getByLabel('手机号码').fill(mobile)
    await dialog.getByRole('button', { name: '获取验证码' }).click()
    const codeInput = dialog.getByLabel('6 位数字验证码')
    await codeInput.waitFor({ state: 'visible' })
    await expect
      .poll(() => codeInSmsOutbox(dataDir, mobile), { timeout: 10_000 })
      .toMatch(/^\d{6}$/)
    await codeInput.fill(codeInSmsOutbox(dataDir, mobile)!)
    await dialog.getByRole('button', { name: '验证并提交异议' }).click()
    await expect
      .poll(async () => reader.getByTestId('objection-message').innerText(), { timeout: 20_000 })
      .toContain('发送到您验证的邮箱或手机')

    const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`
    const raised = (await api(`/objections?where[contactMasked][equals]=${masked}&depth=0&limit=1`))
      .docs[0] as Json
    expect(raised).toMatchObject({ status: 'open', text: '该案例宣传图片中的患者未签署肖像授权。' })
    expect(String(raised.entry)).toBe(entryId)
    expect(raised).not.toHaveProperty('contact')
    const res = await fetch(`${cmsUrl}/api/objections/${String(raised.id)}/decide`, {
      method: 'POST',
      headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'dismiss', reason: '已核实患者签署了肖像授权书' }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    await expect
      .poll(() => newestSms(dataDir, mobile) ?? '', { timeout: 10_000 })
      .toContain('异议不成立')
    expect(newestSms(dataDir, mobile)).toContain('已核实患者签署了肖像授权书')
  })
})
