/**
 * Uploads a recommendation form to `POST /api/media` (multipart `file` plus
 * Payload's `_payload` JSON), with progress. XHR rather than fetch because
 * only XHR reports upload progress. The participants plugin then makes the
 * document confidential when a doctor profile names it.
 */
import { readFieldErrors, type FieldError } from '../../lib/forms'
import { percent } from '../../lib/uploads'

export type UploadResult = { ok: true; id: number } | { ok: false; errors: FieldError[] }

export function uploadMedia(
  file: File,
  alt: string,
  onProgress: (percent: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const body = new FormData()
    body.append('file', file)
    body.append('_payload', JSON.stringify({ alt }))
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/media')
    xhr.withCredentials = true
    xhr.setRequestHeader('accept', 'application/json')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(percent(event.loaded, event.total))
      }
    }
    xhr.onerror = () => reject(new Error('network'))
    xhr.onload = () => {
      let data: unknown
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        data = undefined
      }
      const id = (data as { doc?: { id?: unknown } } | undefined)?.doc?.id
      if (xhr.status >= 200 && xhr.status < 300 && typeof id === 'number') {
        resolve({ ok: true, id })
      } else {
        resolve({ ok: false, errors: readFieldErrors(data) })
      }
    }
    xhr.send(body)
  })
}
