import { createHash, verify } from 'node:crypto'

import {
  canonicalJson,
  formatCertificateNumber,
  mod112CheckChar,
  type CertificateRecord,
  type ResultsBody,
} from '@exemplar/domain'
import { describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { pdfFonts, pdfText } from '../helpers/pdfText'
import { signIn } from '../helpers/seededStack'

/**
 * Results and certificates as a reader meets them on the seeded stack: the
 * results page shows the hash anyone recomputes from the snapshot, a
 * certificate's page shows its status, masked holders and a QR code, its
 * signature verifies with the published key alone, and a mistyped or
 * unknown number is a 404 that says which.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')

async function json(url: string, token?: string): Promise<Json> {
  const res = await fetch(url, token ? { headers: { authorization: `JWT ${token}` } } : {})
  expect(res.status, url).toBe(200)
  return (await res.json()) as Json
}

const testId = (html: string, id: string): string | undefined =>
  new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim()

async function certificateWhere(status: 'valid' | 'revoked'): Promise<Json> {
  const found = await json(
    `${cmsUrl}/api/certificates?where[status][equals]=${status}&where[kind][equals]=award&depth=0&limit=1`,
  )
  const doc = (found.docs as Json[])[0]
  expect(doc, status).toBeDefined()
  return doc!
}

describe('results and certificates on the site', () => {
  it('should show on the results page the SHA-256 anyone recomputes from the frozen snapshot', async () => {
    const snapshot = (await json(`${cmsUrl}/api/result-snapshots?sort=-sequence&depth=0&limit=1`))
      .docs as Json[]
    const latest = snapshot[0]!
    const body = latest.body as ResultsBody
    const sha = createHash('sha256').update(canonicalJson(body)).digest('hex')
    expect(sha).toBe(latest.sha256)
    const page = await fetch(`${siteUrl}/campaigns/${body.campaign.slug}/results`)
    expect(page.status).toBe(200)
    expect(testId(await page.text(), 'results-hash')).toBe(sha)
  })

  it('should show a valid certificate with masked holders, a QR code, and a signature the public key verifies', async () => {
    const doc = await certificateWhere('valid')
    expect(doc.holderNames).toBeUndefined()
    const record = doc.record as CertificateRecord
    const res = await fetch(`${siteUrl}/certificates/${String(doc.number)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toMatch(/max-age=([1-5]?[0-9])\b/)
    const html = await res.text()
    expect(html).toMatch(/data-testid="certificate-status"[^>]*data-status="valid"/)
    expect(testId(html, 'certificate-status')).toBe('有效')
    expect(testId(html, 'certificate-number')).toBe(doc.number)
    expect(html).toContain('data-testid="certificate-qr"')
    for (const name of record.holder.names) {
      expect(name).toContain('＊')
    }
    // The key through the site's own /api, then only node:crypto and the published rule.
    const key = await json(`${siteUrl}/api/certificates/public-key`)
    expect(key.keyId).toBe(record.keyId)
    const message = Buffer.from(`exemplar-certificate-v1\n${canonicalJson(record)}`, 'utf8')
    const signature = Buffer.from(String(doc.signature), 'base64')
    expect(verify(null, message, String(key.publicKeyPem), signature)).toBe(true)
    expect(verify(null, Buffer.from(`${message}x`), String(key.publicKeyPem), signature)).toBe(
      false,
    )
  })

  it('should show a revoked award as 已撤销 with its reason class', async () => {
    const doc = await certificateWhere('revoked')
    const html = await (await fetch(`${siteUrl}/certificates/${String(doc.number)}`)).text()
    expect(html).toMatch(/data-testid="certificate-status"[^>]*data-status="revoked"/)
    expect(testId(html, 'certificate-status')).toBe('已撤销')
    expect(html).toContain(String(doc.revokedReason))
  })

  it('should print a PDF with the Chinese font embedded as a subset: full names for editors, masked for anyone', async () => {
    const doc = await certificateWhere('valid')
    const token = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
    const full = (await json(`${cmsUrl}/api/certificates/${String(doc.id)}?depth=0`, token))
      .holderNames as string[]
    expect(full.length).toBeGreaterThan(0)
    // The site's address redirects to the CMS's print, through the site's own /api.
    const viaSite = await fetch(`${siteUrl}/certificates/${String(doc.number)}.pdf`, {
      redirect: 'manual',
    })
    expect(viaSite.status).toBe(302)
    const target = new URL(viaSite.headers.get('location')!, siteUrl).toString()
    const publicPdf = await fetch(target)
    expect(publicPdf.status).toBe(200)
    expect(publicPdf.headers.get('content-type')).toBe('application/pdf')
    const masked = new Uint8Array(await publicPdf.arrayBuffer())
    const maskedText = pdfText(masked)
    expect(maskedText).toContain(String(doc.number))
    expect(maskedText).not.toContain(full[0]!)
    const editorPdf = await fetch(`${cmsUrl}/api/certificates/${String(doc.number)}/pdf`, {
      headers: { authorization: `JWT ${token}` },
    })
    expect(editorPdf.headers.get('cache-control')).toContain('no-store')
    const bytes = new Uint8Array(await editorPdf.arrayBuffer())
    expect(bytes.byteLength).toBeLessThanOrEqual(1024 * 1024)
    const text = pdfText(bytes)
    expect(text).toContain(full[0]!)
    expect(text).toContain((doc.record as CertificateRecord).award)
    const fonts = pdfFonts(bytes)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true)
    expect(fonts.some((f) => /WenQuanYi/i.test(f.name))).toBe(true)
  })

  it('should print the English wording from the English page, its QR code pointing at the English page', async () => {
    const doc = await certificateWhere('valid')
    const html = await (await fetch(`${siteUrl}/en/certificates/${String(doc.number)}`)).text()
    expect(html).toContain(`href="/certificates/${String(doc.number)}.pdf?lang=en"`)
    const viaSite = await fetch(`${siteUrl}/certificates/${String(doc.number)}.pdf?lang=en`, {
      redirect: 'manual',
    })
    expect(viaSite.status).toBe(302)
    expect(viaSite.headers.get('location')).toBe(
      `/api/certificates/${String(doc.number)}/pdf?lang=en`,
    )
    const pdf = await fetch(new URL(viaSite.headers.get('location')!, siteUrl))
    expect(pdf.status).toBe(200)
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()))
    const record = doc.record as CertificateRecord
    expect(text).toContain('Award certificate')
    expect(text).toContain(`Certificate No. ${String(doc.number)}`)
    expect(text).toContain(`/en/certificates/${String(doc.number)}`)
    // Names, titles and the award stay as recorded, in Chinese.
    expect(text).toContain(record.award)
    expect(text).not.toContain('证书编号')
  })

  it('should answer 404 for an unknown number and for a mistyped one, saying which', async () => {
    const unknown = formatCertificateNumber(2099, 999_999)
    const missing = await fetch(`${siteUrl}/certificates/${unknown}`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain(unknown)
    const good = mod112CheckChar('2099999999')
    const typo = `2099-999999-${good === '0' ? '1' : '0'}`
    const mistyped = await fetch(`${siteUrl}/certificates/${typo}`)
    expect(mistyped.status).toBe(404)
    expect(await mistyped.text()).toContain('校验位不符')
  })

  it('should let only editors issue, over the collection’s own route', async () => {
    const anonymous = await fetch(`${cmsUrl}/api/certificates/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ campaign: 1 }),
    })
    expect(anonymous.status).toBe(401)
    const token = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
    const campaign = (
      (await json(`${cmsUrl}/api/campaigns?where[slug][equals]=yigongti-2021&depth=0&limit=1`))
        .docs as Json[]
    )[0]!
    const again = await fetch(`${cmsUrl}/api/certificates/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ campaign: campaign.id }),
    })
    // Every award of that edition was certified by the seed: issuing again adds nothing.
    expect(again.status).toBe(200)
    expect(((await again.json()) as Json).issued).toEqual([])
  })

  it('should list seed 000’s excellent organizing institutions with the rule, and show their certificate', async () => {
    const campaign = (
      (
        await json(
          `${cmsUrl}/api/campaigns?where[slug][equals]=yizhe-xianxing-2022&depth=0&limit=1`,
        )
      ).docs as Json[]
    )[0]!
    const held = (
      await json(
        `${cmsUrl}/api/certificates?where[campaign][equals]=${campaign.id}&where[kind][equals]=organizer&depth=0`,
      )
    ).docs as Json[]
    expect(held.length).toBeGreaterThan(0)
    const page = await fetch(`${siteUrl}/campaigns/yizhe-xianxing-2022/results`)
    const html = await page.text()
    expect(html).toContain('data-testid="results-organizers"')
    expect(html).toContain('优秀组织机构：通过形式审查的报送作品不少于 1 件')
    for (const c of held) {
      expect(html).toContain((c.record as CertificateRecord).holder.institution)
    }
    const record = held[0]!.record as CertificateRecord
    const certificate = await fetch(`${siteUrl}/certificates/${record.number}`)
    expect(certificate.status).toBe(200)
    const text = await certificate.text()
    expect(text).toContain(record.holder.institution)
    expect(text).toContain('优秀组织机构')
    expect(testId(text, 'certificate-status')).toContain('有效')
  })
})
