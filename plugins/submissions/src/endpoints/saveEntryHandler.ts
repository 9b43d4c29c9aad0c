import { inTurn } from '../lib/inTurn'
import { saveDraft } from '../service'
import { answer, bodyOf, idParam, userOf, type SubmissionsRequest } from './request'

/** `PATCH /api/submissions/drafts/:id`: saves a draft or returned entry, incomplete work allowed. */
export function saveEntryHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, async (service) => {
    const id = idParam(req)
    const data = await bodyOf(req)
    // One entry's save, submit and withdrawal run one after another: a save landing between the
    // submit's rule check and its status write would otherwise slip unchecked content through.
    return inTurn(`entry:${id}`, () => saveDraft(service, userOf(req), id, data))
  })
}
