import { idOf } from '../lib/ids'
import { inTurn } from '../lib/inTurn'
import { createDraft } from '../service'
import { answer, bodyOf, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/drafts`: a new draft in a campaign's track, or the caller's untouched one. */
export function createDraftHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, async (service) => {
    const user = userOf(req)
    const body = await bodyOf(req)
    const open = () => createDraft(service, user, body)
    // One participant's drafts are opened one after another: two at once (a double click)
    // would both find no untouched draft and open two.
    return user ? inTurn(`drafts:${String(idOf(user))}`, open) : open()
  })
}
