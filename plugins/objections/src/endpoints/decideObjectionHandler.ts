import { jsonResponse, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { decideObjection, decisionText } from '../service/decide'
import { answerSignedIn, docIdOf } from './request'

/**
 * `POST /api/objections/:id/decide` `{decision: 'uphold'|'dismiss', reason}`:
 * an editor decides; upholding revokes the entry and freezes the results again.
 */
export const decideObjectionHandler: PayloadHandler = (req) =>
  answerSignedIn(
    req,
    async (options, body) => {
      const id = docIdOf(req.routeParams?.id, 'id', '异议')
      if (body.decision !== 'uphold' && body.decision !== 'dismiss') {
        throw new Refusal(400, {
          field: 'decision',
          code: 'invalid',
          message: '处理结果须为 uphold（异议成立）或 dismiss（异议不成立）',
        })
      }
      const reason = decisionText(body.reason)
      const objection = await decideObjection(req, options, id, body.decision === 'uphold', reason)
      // The plain address stays in the database; the answer carries the masked one.
      const { contact: _contact, ...shown } = objection
      return jsonResponse(200, { objection: shown })
    },
    { editorsOnly: true },
  )
