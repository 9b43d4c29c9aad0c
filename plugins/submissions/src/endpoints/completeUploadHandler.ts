import { answer, bodyOf, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/uploads/complete`: a finished resumable upload becomes a media document. */
export function completeUploadHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, async (service) => {
    // Loaded when first used: the tus server is no part of the other routes.
    const { completeResumable } = await import('../server/tus')
    return completeResumable(service, userOf(req), await bodyOf(req))
  })
}
