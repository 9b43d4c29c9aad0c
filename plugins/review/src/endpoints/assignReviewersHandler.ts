import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { autoAssign, manualAssign } from '../service/assign'
import { requireEditor } from '../service/editorActions'
import { Refusal } from '../service/refusal'
import { answer, bodyOf, campaignNamed, idsOf } from './request'

function textOf(value: unknown, field: string, max: number, what: string): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new Refusal(400, { field, code: 'invalid', message: `${what}须为文字` })
  }
  const text = String(value).trim()
  if ([...text].length > max) {
    throw new Refusal(400, { field, code: 'tooLong', message: `${what}最多 ${max} 字`, limit: max })
  }
  return text
}

/** `POST /api/review/assignments`: automatic, manual or bulk assignment (API.md). */
export const assignReviewersHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    requireEditor(req, options)
    const body = await bodyOf(req)
    const campaign = await campaignNamed(req, options, body.campaign)
    if (body.mode === 'auto') {
      const k = body.k
      if (k !== undefined && (!Number.isInteger(k) || (k as number) < 1 || (k as number) > 20)) {
        throw new Refusal(400, {
          field: 'k',
          code: 'range',
          message: '每件作品评审人数须为 1 到 20 的整数',
          limit: 20,
        })
      }
      const out = await autoAssign(req, options, campaign, {
        track: textOf(body.track, 'track', 40, '作品类别'),
        k: k as number | undefined,
        seed: textOf(body.seed, 'seed', 40, '随机种子') ?? String(campaign.id),
      })
      return jsonResponse(200, out)
    }
    if (body.mode !== 'manual') {
      throw new Refusal(400, {
        field: 'mode',
        code: 'invalid',
        message: '分配方式须为 auto（自动）或 manual（手动/批量）',
      })
    }
    const override = body.override as { reason?: unknown } | undefined
    const out = await manualAssign(req, options, campaign, {
      entries: idsOf(body.entries, 'entries', options.maxBulk, '作品'),
      reviewers: idsOf(body.reviewers, 'reviewers', 100, '评审专家'),
      overrideReason: textOf(override?.reason, 'override.reason', 1_000, '豁免理由'),
    })
    return jsonResponse(200, out)
  })
