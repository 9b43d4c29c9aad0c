import { listMine } from '../service'
import { answer, userOf, type SubmissionsRequest } from './request'

/** `GET /api/submissions/mine`: the caller's entries, newest change first. */
export function listMyEntriesHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, (service) => listMine(service, userOf(req)))
}
