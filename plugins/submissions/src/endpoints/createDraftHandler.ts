import { createDraft } from '../service'
import { answer, bodyOf, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/drafts`: a new draft in a campaign's track. */
export function createDraftHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, async (service) => createDraft(service, userOf(req), await bodyOf(req)))
}
