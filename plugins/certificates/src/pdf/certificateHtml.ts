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
}

const longDate = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number)
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
function bodyLine(kind: CertificateRecord['kind'], campaign: string, work: string): string {
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
  const holders = [c.names.join('、'), r.holder.institution].filter(Boolean).join('\u3000')
  const work = r.work ? `作品《${esc(r.work.title)}》（编号 ${esc(r.work.number)}）` : ''
  const revoked = c.status === 'revoked'
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.number)}</title>
<style>
@page { size: A4 landscape; margin: 0 }
/* Regular only: the font has no bold, and a synthesized bold prints as unnamed Type 3 glyphs. */
* { box-sizing: border-box; font-weight: normal }
body { margin: 0; font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; color: #3a2410 }
.sheet { position: relative; width: 297mm; height: 210mm; padding: 22mm 28mm; border: 6mm solid #b3261e }
h1 { margin: 0 0 10mm; text-align: center; font-size: 30pt; letter-spacing: 0.5em }
.holder { font-size: 18pt; margin: 0 0 8mm }
.body { font-size: 15pt; line-height: 1.9; text-indent: 2em; margin: 0 }
.award { font-size: 22pt; text-align: center; margin: 10mm 0; color: #b3261e }
.foot { position: absolute; left: 28mm; right: 28mm; bottom: 20mm; display: flex; justify-content: space-between; align-items: flex-end; font-size: 10.5pt }
.qr { width: 28mm; height: 28mm }
.stamp { position: absolute; top: 70mm; left: 0; right: 0; text-align: center; font-size: 64pt; color: rgba(179, 38, 30, 0.35); transform: rotate(-18deg) }
</style></head>
<body><div class="sheet">
<h1>${esc(CERTIFICATE_KIND_LABELS[r.kind].zh)}</h1>
<p class="holder">${esc(holders)}：</p>
<p class="body">${bodyLine(r.kind, esc(r.campaign.title), work)}</p>
<p class="award">${esc(r.award)}</p>
${revoked ? `<div class="stamp">${esc(CERTIFICATE_STATUS_LABELS.revoked.zh)}${c.revokedReason ? `<div style="font-size:16pt">${esc(c.revokedReason)}</div>` : ''}</div>` : ''}
<div class="foot">
<div>证书编号 ${esc(r.number)}<br>颁发日期 ${esc(longDate(r.issuedOn))}<br>状态 ${esc(CERTIFICATE_STATUS_LABELS[c.status].zh)}\u3000扫码查验：${esc(c.pageUrl)}<br>签名密钥 ${esc(r.keyId)}</div>
<div class="qr">${qr}</div>
</div>
</div></body></html>`
}
