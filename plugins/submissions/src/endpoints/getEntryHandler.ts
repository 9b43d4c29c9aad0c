import { getEntry } from '../service'
import { answer, idParam, userOf, type SubmissionsRequest } from './request'

/** `GET /api/submissions/entries/:id`: the caller's own entry with its track's rules. */
export function getEntryHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, (service) => getEntry(service, userOf(req), idParam(req)))
}
