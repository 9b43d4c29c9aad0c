import { answerRefusals, jsonResponse, problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { certificatesOptionsOf } from '../options'

/** The most one account lists; a holder of more pages through the campaign's results. */
const MINE_MAX = 200

/**
 * `GET /api/certificates/mine`: the signed-in account's certificates,
 * newest first, for its own page. Read by the plugin, because the holding
 * account is a field the public cannot query by.
 */
export const myCertificatesHandler: PayloadHandler = (req) =>
  answerRefusals(async () => {
    if (!req.user) {
      return problemResponse(401, { code: 'unauthenticated', message: '请先登录' })
    }
    const options = certificatesOptionsOf(req.payload.config)
    const { docs } = await req.payload.find({
      collection: options.slug,
      where: { holderUser: { equals: req.user.id } },
      sort: '-issuedAt',
      limit: MINE_MAX,
      depth: 0,
      overrideAccess: true,
      select: {
        number: true,
        kind: true,
        status: true,
        issuedAt: true,
        record: true,
        revokedAt: true,
        revokedReason: true,
      },
      req,
    })
    const response = jsonResponse(200, { docs })
    response.headers.set('cache-control', 'private, no-store')
    return response
  })
