import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { startStack, type RunningStack } from '../helpers/servers'
import { recipientsOf, startSmtpServer, type TestSmtpServer } from '../helpers/smtp'
import { noiseJpeg } from '../helpers/submissions'

/**
 * The participation path as people walk it, in Debian's Chromium against the
 * built CMS and site: an institution registers and opens the mailed confirmation link, an editor verifies it in the
 * admin, it signs the seed-000 campaign's pledge, submits a text-and-five-image
 * case to that campaign's current edition and a captioned photo to the
 * seed-001 campaign's photo track, receives both confirmations at a real SMTP
 * server, and finds both entries under "my entries".
 *
 * Its own stack, because the CMS must send mail to this test's SMTP server.
 */
let smtp: TestSmtpServer
let stack: RunningStack
let browser: Browser
let filesDir: string

const email = `lianhu-${Date.now()}@example.org`
const password = 'lianhu-2026-secret'
const orgName = '莲湖区第二人民医院（测试）'

beforeAll(async () => {
  smtp = await startSmtpServer()
  stack = await startStack({ env: { SMTP_URL: smtp.url } })
  browser = await launchChromium()
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-participation-'))
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  await smtp?.stop()
  fs.rmSync(filesDir, { recursive: true, force: true })
})

/** A noise JPEG written to the test's folder, for the browser's file picker. */
async function noiseJpegFile(name: string, width: number, height: number): Promise<string> {
  const file = path.join(filesDir, name)
  fs.writeFileSync(file, await noiseJpeg(width, height))
  return file
}

/** The slug of a seed series' current (newest) edition. */
async function currentSlug(series: string): Promise<string> {
  const res = await fetch(
    `${stack.cmsUrl}/api/campaigns?where[series][equals]=${series}&sort=-year&limit=1&depth=0`,
  )
  const body = (await res.json()) as { docs: { slug: string }[] }
  const slug = body.docs[0]?.slug
  if (!slug) {
    throw new Error(`no campaign in series ${series}`)
  }
  return slug
}

async function chinesePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  return page
}

/** Walks the five steps of the submission form and answers the entry number shown at the end. */
async function submitThroughForm(
  page: Page,
  form: {
    track: string
    title: string
    sections?: string[]
    files: string[]
    captions: string[]
  },
): Promise<string> {
  await page.getByTestId(`track-${form.track}`).check()
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-content').waitFor({ state: 'visible' })
  await page.getByTestId('title').fill(form.title)
  for (const [i, body] of (form.sections ?? []).entries()) {
    await page.getByTestId(`section-body-${i}`).fill(body)
  }
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-attachments').waitFor({ state: 'visible' })
  await page.getByTestId('file-input').setInputFiles(form.files)
  await expect
    .poll(() => page.getByTestId('attachment').count(), { timeout: 60_000 })
    .toBe(form.files.length)
  for (const [i, caption] of form.captions.entries()) {
    await page.getByTestId(`caption-${i}`).fill(caption)
  }
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-channel').waitFor({ state: 'visible' })
  await page.getByTestId('channel-self').check()
  for (const declaration of ['original', 'truthful', 'freeUse']) {
    await page.getByTestId(`declaration-${declaration}`).check()
  }
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-review').waitFor({ state: 'visible' })
  await page.getByTestId('submit-entry').click()
  await page.getByTestId('submit-done').waitFor({ state: 'visible', timeout: 60_000 })
  return ((await page.getByTestId('entry-number').textContent()) ?? '').trim()
}

describe('participation in a real browser', () => {
  it('should take a new institution from registration to two submitted entries with emailed confirmations', async () => {
    const caseSlug = await currentSlug('yizhe-xianxing')
    const photoSlug = await currentSlug('nixingzhe')
    const caseImages = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => noiseJpegFile(`case-${n}.jpg`, 480, 360)),
    )
    // ~2.7 MB: the photo track wants at least 2 MB per photo.
    const photo = await noiseJpegFile('photo.jpg', 2000, 1500)
    expect(fs.statSync(photo).size).toBeGreaterThan(2 * 1024 * 1024)

    const participant = await browser.newContext({ locale: 'zh-CN' })
    const page = await chinesePage(participant)

    // 1. Register the institution (健康号) on the site.
    await page.goto(`${stack.siteUrl}/register/institution`)
    await page.fill('[name="institution.name"]', orgName)
    await page.fill('[name="institution.licenceName"]', orgName)
    await page.selectOption('[name="institution.type"]', 'medical')
    await page.selectOption('[name="institution.province"]', '陕西省')
    await page.fill('[name="institution.city"]', '西安市')
    await page.fill('[name="account.name"]', '王医务')
    await page.fill('[name="account.email"]', email)
    await page.fill('[name="account.password"]', password)
    await page.fill('[name="account.phone"]', '13800138000')
    await page.getByTestId('field-agreement').check()
    await page.getByTestId('register-submit').click()
    // The site answers a new address as it would a known one; the mailbox gets the link.
    await expect
      .poll(() => page.locator('[data-form-status]').textContent())
      .toContain('请查收邮件')
    const confirmMail = await smtp.waitFor(
      (mail) => recipientsOf(mail).includes(email) && /确认您的注册/.test(mail.subject ?? ''),
    )
    const link = /https?:\/\/\S+\/login\?confirm=[a-f0-9]{64}/.exec(confirmMail.text ?? '')?.[0]
    expect(link).toBeDefined()
    await page.goto(link!)
    await expect
      .poll(() => page.locator('[data-form-status]').textContent())
      .toContain('邮箱已确认')
    expect(await page.inputValue('[name="email"]')).toBe(email)
    await page.fill('[name="password"]', password)
    await page.getByTestId('login-submit').click()
    await page.waitForURL(/\/account/)
    await expect.poll(() => page.getByTestId('org-verification').textContent()).toContain('待审核')

    // 2. An editor verifies it in the admin.
    const editorContext = await browser.newContext({ locale: 'zh-CN' })
    const editor = await chinesePage(editorContext)
    await editor.goto(`${stack.cmsUrl}/admin/login`)
    await editor.fill('#field-email', 'editor@example.org')
    await editor.fill('#field-password', 'exemplar-editor')
    await editor.click('button[type=submit]')
    await editor.waitForURL((url) => !url.pathname.endsWith('/login'))
    const orgId = await editor.evaluate(async (name) => {
      const res = await fetch(
        `/api/organizations?where[name][equals]=${encodeURIComponent(name)}&depth=0`,
      )
      const body = (await res.json()) as { docs: { id: number }[] }
      return body.docs[0]?.id
    }, orgName)
    expect(orgId).toBeDefined()
    await editor.goto(`${stack.cmsUrl}/admin/collections/organizations/${orgId}`)
    await editor.click('#field-verification .rs__control')
    await editor.getByRole('option', { name: '已认证' }).click()
    await editor.fill('#field-verificationNote', '营业执照与机构名称一致，材料齐全')
    await editor.click('#action-save')
    const verifiedMail = await smtp.waitFor(
      (mail) => recipientsOf(mail).includes(email) && /审核/.test(mail.subject ?? ''),
    )
    expect(verifiedMail.text ?? '').toContain(orgName)
    await editorContext.close()

    await page.reload()
    await expect.poll(() => page.getByTestId('org-verification').textContent()).toContain('已认证')

    // 3. Sign the seed-000 campaign's pledge; the public count goes up by one.
    await page.goto(`${stack.siteUrl}/campaigns/${caseSlug}`)
    const countBefore = await pledgeCount(caseSlug)
    await page.getByTestId('pledge-sign').click()
    await page.getByTestId('pledge-confirm').click()
    await page.getByTestId('pledge-signed').waitFor({ state: 'visible' })
    expect(await pledgeCount(caseSlug)).toBe(countBefore + 1)
    await page.reload()
    await expect
      .poll(() => page.getByTestId('pledge-count-text').textContent())
      .toContain(String(countBefore + 1))

    // 4. A text-and-five-image case to the current seed-000 edition.
    await page.getByTestId('submit-entry').click()
    await page.waitForURL(/\/submit/)
    const caseNumber = await submitThroughForm(page, {
      track: 'case',
      title: '互联网医院全流程健康宣教的实践',
      sections: [
        '让慢病患者在就诊前后都能得到清楚、可靠的健康知识。',
        '建立线上健康课堂，医生分病种录制讲解，护士随访答疑。',
        '经验已在区域医联体内的六家医院推广。',
      ],
      files: caseImages,
      captions: caseImages.map((_, i) => `健康课堂现场（第 ${i + 1} 张）`),
    })
    expect(caseNumber).toMatch(/\S{6,}/)

    // 5. A captioned photo to the seed-001 photo track.
    await page.goto(`${stack.siteUrl}/campaigns/${photoSlug}/submit`)
    const photoNumber = await submitThroughForm(page, {
      track: 'photo',
      title: '凌晨四点的急诊走廊',
      files: [photo],
      captions: ['2026年1月15日凌晨，西安市莲湖区第二人民医院急诊科，护士李某为转运患者调整输液。'],
    })
    expect(photoNumber).toMatch(/\S{6,}/)
    expect(photoNumber).not.toBe(caseNumber)

    // 6. Both confirmations arrive by SMTP, each naming its entry number.
    for (const number of [caseNumber, photoNumber]) {
      const mail = await smtp.waitFor(
        (m) => recipientsOf(m).includes(email) && (m.text ?? '').includes(number),
      )
      expect(mail.text ?? '').toContain('/my/entries/')
    }

    // 7. Both entries are listed under "my entries" as submitted.
    await page.goto(`${stack.siteUrl}/my/entries`)
    await page.getByTestId('my-entries-table').waitFor({ state: 'visible' })
    const listed = await page.getByTestId('my-entries-table').textContent()
    expect(listed).toContain(caseNumber)
    expect(listed).toContain(photoNumber)
    expect(await page.getByTestId('my-entry-row').count()).toBe(2)
    await participant.close()
  })
})

async function pledgeCount(slug: string): Promise<number> {
  const campaign = (await (
    await fetch(`${stack.cmsUrl}/api/campaigns?where[slug][equals]=${slug}&depth=0`)
  ).json()) as { docs: { id: number }[] }
  const res = await fetch(
    `${stack.cmsUrl}/api/participants/pledges/count?campaign=${campaign.docs[0]?.id}`,
  )
  return ((await res.json()) as { count: number }).count
}
