import { answerRefusals, jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { certificatesOptionsOf } from '../options'
import { publicKeyOf } from '../signing'

/**
 * `GET /api/certificates/public-key`: the Ed25519 key every certificate's
 * signature verifies with, for anyone, so a certificate can be checked
 * without this server.
 */
export const publicKeyHandler: PayloadHandler = (req) =>
  answerRefusals(async () => {
    const options = certificatesOptionsOf(req.payload.config)
    const response = jsonResponse(200, publicKeyOf(options.signingKey()))
    response.headers.set('cache-control', 'public, max-age=3600')
    return response
  })
