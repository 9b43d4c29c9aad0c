import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { objectionText, raiseObjection } from '../service/raise'
import { answerObjector, docIdOf, evidenceIds } from './request'

/**
 * `POST /api/objections/raise` `{entry, text, evidence?, contact?}`: a
 * signed-in account, or a reader who proved `contact` by a one-time code,
 * objects to an entry in publicity. 201.
 */
export const raiseObjectionHandler: PayloadHandler = (req) =>
  answerObjector(req, async (options, body, objector) => {
    const entry = docIdOf(body.entry, 'entry', '作品')
    const text = objectionText(body.text)
    const evidence = evidenceIds(body.evidence)
    const objection = await raiseObjection(req, options, objector, entry, text, evidence)
    return jsonResponse(201, { objection: { id: objection.id, status: objection.status } })
  })
