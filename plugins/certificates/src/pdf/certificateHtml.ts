import {
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_STATUS_LABELS,
  type CertificateRecord,
  type CertificateStatus,
} from '@exemplar/domain'
import QRCode from 'qrcode'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Every text of a record comes from people: escaped before it reaches the printer. */
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

export interface PrintedCertificate {
  record: CertificateRecord
  status: CertificateStatus
  revokedReason?: string | null
  /** The names as printed: in full for the holder and editors, else the record's masked ones. */
  names: string[]
  /** The certificate's page on the site, which the QR code carries. */
  pageUrl: string
  /** The wording: Chinese, or English for holders abroad (names, titles and awards stay as recorded). */
  locale?: 'zh' | 'en'
}

const longDate = (day: string, locale: 'zh' | 'en'): string => {
  const [y, m, d] = day.split('-').map(Number)
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(y!, m! - 1, d!),
    )
  }
  return `${y} 年 ${m} 月 ${d} 日`
}

/**
 * The certificate as one self-contained A4 landscape page: no request
 * leaves it (the QR code is inline SVG, the font the system's), so
 * Chromium prints it offline. The font is a TrueType one (WenQuanYi Micro
 * Hei): Chromium embeds those as a subset with a Unicode map, while
 * Noto CJK's CFF outlines come out as unnamed Type 3 glyphs.
 */
/** What the holder did, by kind: an awarded work, an institution that organized, an outlet that took part. */
function bodyLine(
  kind: CertificateRecord['kind'],
  campaign: string,
  work: string,
  locale: 'zh' | 'en',
): string {
  if (locale === 'en') {
    if (kind === 'organizer') {
      return `For outstanding work organizing entries to “${campaign}”, confirmed by the organizing committee, is named`
    }
    if (kind === 'media') {
      return `For taking part as a partner outlet in promoting “${campaign}”, is awarded`
    }
    return `In “${campaign}”, ${work}, after expert review and public notice, has received`
  }
  if (kind === 'organizer') {
    return `在“${campaign}”中组织报送工作成绩突出，经组委会确认，被评为`
  }
  if (kind === 'media') {
    return `作为合作媒体参与“${campaign}”的宣传推广工作，特授予`
  }
  return `在“${campaign}”中，${work}经专家评审与公示，荣获`
}

export async function certificateHtml(c: PrintedCertificate): Promise<string> {
  const r = c.record
  const qr = await QRCode.toString(c.pageUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 })
  const en = c.locale === 'en'
  const locale = en ? 'en' : 'zh'
  const holders = [c.names.join(en ? ', ' : '、'), r.holder.institution]
    .filter(Boolean)
    .join(en ? ', ' : '\u3000')
  const work = !r.work
    ? ''
    : en
      ? `the work “${esc(r.work.title)}” (No. ${esc(r.work.number)})`
      : `作品《${esc(r.work.title)}》（编号 ${esc(r.work.number)}）`
  const revoked = c.status === 'revoked'
  const status = esc(CERTIFICATE_STATUS_LABELS[c.status][locale])
  const foot = en
    ? `Certificate No. ${esc(r.number)}<br>Issued ${esc(longDate(r.issuedOn, locale))}<br>Status ${status}\u3000Verify by scanning: ${esc(c.pageUrl)}<br>Signing key ${esc(r.keyId)}`
    : `证书编号 ${esc(r.number)}<br>颁发日期 ${esc(longDate(r.issuedOn, locale))}<br>状态 ${status}\u3000扫码查验：${esc(c.pageUrl)}<br>签名密钥 ${esc(r.keyId)}`
  return `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${esc(r.number)}</title>
<style>
@page { size: A4 landscape; margin: 0 }
/* Regular only: the font has no bold, and a synthesized bold prints as unnamed Type 3 glyphs. */
* { box-sizing: border-box; font-weight: normal }
body { margin: 0; font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; color: #3a2410 }
.sheet { position: relative; width: 297mm; height: 210mm; padding: 22mm 28mm; border: 6mm solid #b3261e }
h1 { margin: 0 0 10mm; text-align: center; font-size: 30pt; letter-spacing: ${en ? '0.05em' : '0.5em'} }
.holder { font-size: 18pt; margin: 0 0 8mm }
.body { font-size: 15pt; line-height: 1.9; text-indent: 2em; margin: 0 }
.award { font-size: 22pt; text-align: center; margin: 10mm 0; color: #b3261e }
.foot { position: absolute; left: 28mm; right: 28mm; bottom: 20mm; display: flex; justify-content: space-between; align-items: flex-end; font-size: 10.5pt }
.qr { width: 28mm; height: 28mm }
.stamp { position: absolute; top: 70mm; left: 0; right: 0; text-align: center; font-size: 64pt; color: rgba(179, 38, 30, 0.35); transform: rotate(-18deg) }
</style></head>
<body><div class="sheet">
<h1>${esc(CERTIFICATE_KIND_LABELS[r.kind][locale])}</h1>
<p class="holder">${esc(holders)}${en ? ':' : '：'}</p>
<p class="body">${bodyLine(r.kind, esc(r.campaign.title), work, locale)}</p>
<p class="award">${esc(r.award)}</p>
${revoked ? `<div class="stamp">${esc(CERTIFICATE_STATUS_LABELS.revoked[locale])}${c.revokedReason ? `<div style="font-size:16pt">${esc(c.revokedReason)}</div>` : ''}</div>` : ''}
<div class="foot">
<div>${foot}</div>
<div class="qr">${qr}</div>
</div>
</div></body></html>`
}
