import { receiveUpload } from '../service'
import { answer, userOf, type SubmissionsRequest } from './request'

/** `POST /api/submissions/uploads`: one file, multipart, inspected and checked against the track. */
export function uploadFileHandler(req: SubmissionsRequest): Promise<Response> {
  return answer(req, (service) =>
    receiveUpload(service, {
      user: userOf(req),
      headers: req.headers,
      formData: async () => {
        if (!req.formData) {
          throw new Error('no form data')
        }
        return req.formData()
      },
    }),
  )
}
