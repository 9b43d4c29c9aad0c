import { Refusal, answerRefusals } from '@exemplar/http'
import { toCsv } from '@exemplar/http/csv'
import type { PayloadHandler } from 'payload'

import { resultsOptionsOf } from '../options'
import { snapshotTable } from '../service/exportSnapshot'
import type { ResultsBody } from '@exemplar/domain'

/**
 * `GET /api/results/snapshots/:id/export`: a frozen result as CSV, for
 * anyone (a published result is public), with every component of every
 * total so a spreadsheet recomputes each rank.
 */
export const exportSnapshotHandler: PayloadHandler = (req) =>
  answerRefusals(async () => {
    const options = resultsOptionsOf(req.payload.config)
    const raw = String(req.routeParams?.id ?? '')
    if (!/^[1-9][0-9]{0,15}$/.test(raw) && !/^[0-9a-f]{24}$/.test(raw)) {
      throw new Refusal(400, {
        field: 'id',
        code: 'invalid',
        message: `快照 ID“${raw.slice(0, 40)}”无效`,
      })
    }
    const snapshot = await req.payload.findByID({
      collection: options.slugs.snapshots,
      id: /^[0-9]+$/.test(raw) ? Number(raw) : raw,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
      user: req.user,
      req,
    })
    if (!snapshot) {
      throw new Refusal(404, {
        field: 'id',
        code: 'notFound',
        message: `没有 ID 为 ${raw} 的结果快照`,
      })
    }
    const body = (snapshot as unknown as { body: ResultsBody }).body
    const name = `${body.campaign.slug || body.campaign.id}-results-${String((snapshot as { sequence?: number }).sequence ?? '')}`
    return new Response(new Uint8Array(toCsv(snapshotTable(body, name))), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.csv"`,
        'cache-control': 'public, max-age=60',
        'x-content-type-options': 'nosniff',
      },
    })
  })
