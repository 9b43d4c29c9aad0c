import {
  parseCertificateNumber,
  type CertificateRecord,
  type CertificateStatus,
} from '@exemplar/domain'
import { answerRefusals, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { certificatesOptionsOf } from '../options'
import { certificateHtml } from '../pdf/certificateHtml'
import { PdfCache } from '../pdf/pdfCache'

const printed = new PdfCache()

type Doc = Record<string, unknown> & { id: number | string }

const idOf = (v: unknown): unknown => (v && typeof v === 'object' ? (v as { id?: unknown }).id : v)

/**
 * `GET /api/certificates/:number/pdf[?lang=en]`: the certificate to print,
 * worded in Chinese or (with `lang=en`) English. The
 * holder and editors get the names in full; anyone else the public
 * record's masked ones, so a guessed number never prints a stranger's name.
 */
export const certificatePdfHandler: PayloadHandler = (req) =>
  answerRefusals(async () => {
    const options = certificatesOptionsOf(req.payload.config)
    const parsed = parseCertificateNumber(String(req.routeParams?.number ?? ''))
    if (!parsed.ok) {
      throw new Refusal(400, { field: 'number', code: parsed.code, message: parsed.message })
    }
    const { docs } = await req.payload.find({
      collection: options.slug,
      where: { number: { equals: parsed.number } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const doc = docs[0] as unknown as Doc | undefined
    if (!doc) {
      throw new Refusal(404, {
        field: 'number',
        code: 'notFound',
        message: `没有编号为 ${parsed.number} 的证书`,
      })
    }
    if (!options.printPdf) {
      throw new Refusal(503, { code: 'unavailable', message: '证书 PDF 暂不可用，请稍后再试' })
    }
    const record = doc.record as CertificateRecord
    const full =
      options.isEditor(req.user) ||
      (req.user != null && String(idOf(doc.holderUser)) === String(req.user.id))
    const locale = req.query?.lang === 'en' ? 'en' : 'zh'
    const key = `${String(doc.id)}:${String(doc.updatedAt)}:${full ? 'full' : 'public'}:${locale}`
    let pdf = printed.get(key)
    if (!pdf) {
      const html = await certificateHtml({
        record,
        status: doc.status as CertificateStatus,
        revokedReason: (doc.revokedReason as string | null | undefined) ?? null,
        names:
          full && Array.isArray(doc.holderNames)
            ? (doc.holderNames as string[])
            : record.holder.names,
        pageUrl: `${options.siteUrl().replace(/\/$/, '')}${locale === 'en' ? '/en' : ''}/certificates/${parsed.number}`,
        locale,
      })
      pdf = await options.printPdf(html)
      printed.set(key, pdf)
    }
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="certificate-${parsed.number}.pdf"`,
        // Full names are for one reader; the masked print may be shared, briefly (revocations).
        'cache-control': full ? 'private, no-store' : 'public, max-age=30',
        'x-content-type-options': 'nosniff',
      },
    })
  })
