import { inTurn } from '../lib/inTurn'
import { deleteDraft } from '../service'
import { answer, idParam, userOf, type SubmissionsRequest } from './request'

/** `DELETE /api/submissions/entries/:id`: the submitter deletes their own draft. */
export function deleteDraftHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, (service) => {
    const id = idParam(req)
    // In turn with the entry's saves and submission: see saveEntryHandler.
    return inTurn(`entry:${id}`, () => deleteDraft(service, userOf(req), id))
  })
}
