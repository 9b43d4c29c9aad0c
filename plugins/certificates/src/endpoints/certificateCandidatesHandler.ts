import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { certificateCandidates } from '../service/candidates'
import { answerCertificateEditor, campaignIdOf } from './request'

/** `GET /api/certificates/candidates?campaign=<id>` (editors): who may be issued what, before issuing. */
export const certificateCandidatesHandler: PayloadHandler = (req) =>
  answerCertificateEditor(
    req,
    async (options) => {
      const campaign = campaignIdOf(req.searchParams.get('campaign'))
      return jsonResponse(200, await certificateCandidates(req, options, campaign))
    },
    false,
  )
