import type { PayloadHandler } from 'payload'

import { toCsv } from '@exemplar/http/csv'
import { toXlsx } from '../lib/xlsx'
import { requireEditor } from '../service/editorActions'
import { EXPORT_KINDS, exportTable, type ExportKind } from '../service/exports'
import { Refusal } from '../service/refusal'
import { answer, campaignNamed, queryOf } from './request'

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** `GET /api/review/export?campaign=&format=csv|xlsx&what=entries|reviews|votes`: a download for editors. */
export const exportReviewHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    requireEditor(req, options)
    const format = queryOf(req, 'format') ?? 'csv'
    if (format !== 'csv' && format !== 'xlsx') {
      throw new Refusal(400, {
        field: 'format',
        code: 'invalid',
        message: '导出格式须为 csv 或 xlsx',
      })
    }
    const what = queryOf(req, 'what') ?? 'entries'
    if (!EXPORT_KINDS.includes(what as ExportKind)) {
      throw new Refusal(400, {
        field: 'what',
        code: 'invalid',
        message: '导出内容须为 entries（作品）、reviews（评审）或 votes（投票）',
      })
    }
    const campaign = await campaignNamed(req, options, queryOf(req, 'campaign'))
    const table = await exportTable(req, options, campaign, what as ExportKind)
    const bytes = format === 'csv' ? toCsv(table) : await toXlsx(table)
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'content-type': TYPES[format],
        'content-disposition': `attachment; filename="${table.name.replace(/[^\w.-]/g, '_')}.${format}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    })
  })
