import { inTurn } from '../lib/inTurn'
import { withdrawEntry } from '../service'
import { answer, idParam, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/entries/:id/withdraw`: the submitter takes the entry back before screening. */
export function withdrawEntryHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, (service) => {
    const id = idParam(req)
    // In turn with the entry's saves and submission: see saveEntryHandler.
    return inTurn(`entry:${id}`, () => withdrawEntry(service, userOf(req), id))
  })
}
