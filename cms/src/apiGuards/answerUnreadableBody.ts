import type { AfterErrorHook } from 'payload'

/**
 * Payload turns a multipart body its parser cannot read (a malformed part
 * header, e.g. a NUL in a file name) into a 500. It is the client's bad
 * request: a 400 saying so.
 */
export const answerUnreadableBody: AfterErrorHook = ({ error }) => {
  const status = (error as { status?: number }).status ?? 500
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  // busboy's messages, for a production build whose stack frames are minified chunks.
  const reason = error instanceof Error ? error.message : ''
  const parsing =
    /^(Malformed part header|Malformed urlencoded form|Unexpected end of (form|file)|Multipart: Boundary not found)/.test(
      reason,
    ) ||
    ['addDataAndFileToRequest', 'fetchAPI-multipart', 'busboy'].some((frame) =>
      stack.includes(frame),
    )
  if (status !== 500 || !parsing) {
    return
  }
  const message = '请求内容无法解析（表单或文件名格式错误），请检查后重新上传'
  return { response: { errors: [{ field: '', code: 'body.unreadable', message }] }, status: 400 }
}
