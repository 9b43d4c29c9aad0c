import { errorBody, problem } from '@exemplar/http'

/**
 * Voting request bodies are a few fields (an entry key, an address, a code):
 * 4 KB is generous. Both the fast path and the Payload endpoints read at most
 * this much and refuse the rest with 413, before anything parses it.
 */
export const MAX_BODY_BYTES = 4096

export const BODY_TOO_LARGE = {
  status: 413,
  body: errorBody(
    problem('body_too_large', `请求体过大：投票接口的请求体最多 ${MAX_BODY_BYTES / 1024} KB。`),
  ),
} as const

export class BodyTooLargeError extends Error {
  readonly status = 413
  constructor() {
    super(`request body over ${MAX_BODY_BYTES} bytes`)
  }
}

/** A declared Content-Length already over the cap: refuse without reading a byte. */
export function declaresTooLarge(contentLength: string | null | undefined, max = MAX_BODY_BYTES) {
  return contentLength != null && /^\d{1,20}$/.test(contentLength) && Number(contentLength) > max
}

/**
 * A Web request body as UTF-8 text, at most `max` bytes. The stream is
 * cancelled as soon as it passes the cap, so an endless or huge body costs
 * no more than the cap to refuse.
 */
export async function readCappedText(
  body: ReadableStream<Uint8Array> | null | undefined,
  contentLength: string | null | undefined,
  max = MAX_BODY_BYTES,
): Promise<string> {
  if (declaresTooLarge(contentLength, max)) {
    await body?.cancel().catch(() => undefined)
    throw new BodyTooLargeError()
  }
  if (!body) {
    return ''
  }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLargeError()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
