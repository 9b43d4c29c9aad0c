import { createAndSubmit } from '../service'
import { answer, bodyOf, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/entries`: creates and submits in one step, or stores nothing. */
export function submitNewEntryHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, async (service) => createAndSubmit(service, userOf(req), await bodyOf(req)))
}
