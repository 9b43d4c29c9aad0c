import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { objectionText, raiseObjection } from '../service/raise'
import { answerSignedIn, docIdOf, evidenceIds } from './request'

/** `POST /api/objections/raise` `{entry, text, evidence?}`: a signed-in account objects to an entry in publicity. 201. */
export const raiseObjectionHandler: PayloadHandler = (req) =>
  answerSignedIn(req, async (options, body) => {
    const entry = docIdOf(body.entry, 'entry', '作品')
    const text = objectionText(body.text)
    const evidence = evidenceIds(body.evidence)
    const objection = await raiseObjection(req, options, entry, text, evidence)
    return jsonResponse(201, { objection: { id: objection.id, status: objection.status } })
  })
