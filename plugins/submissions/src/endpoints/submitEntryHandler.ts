import { inTurn } from '../lib/inTurn'
import { submitEntry } from '../service'
import { answer, idParam, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/entries/:id/submit`: every rule checked, then `submitted`. */
export function submitEntryHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, (service) => {
    const id = idParam(req)
    // In turn with the entry's saves: see saveEntryHandler.
    return inTurn(`entry:${id}`, () => submitEntry(service, userOf(req), id))
  })
}
