import { describe, expect, it } from 'vitest'

import { BodyTooLargeError, MAX_BODY_BYTES, readCappedText } from './body'

/** A stream of `chunk`-sized pieces that never ends by itself, counting what was pulled. */
function endless(chunk: number) {
  const pulled = { bytes: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk
      controller.enqueue(new Uint8Array(chunk).fill(0x61))
    },
    cancel() {
      pulled.cancelled = true
    },
  })
  return { stream, pulled }
}

describe('readCappedText', () => {
  it('should read a body within the cap as UTF-8 text', async () => {
    const body = new Response('{"entry":"作品-001"}').body
    await expect(readCappedText(body, null)).resolves.toBe('{"entry":"作品-001"}')
  })

  it('should refuse a declared length over the cap without reading', async () => {
    const { stream, pulled } = endless(1024)
    await expect(readCappedText(stream, String(MAX_BODY_BYTES + 1))).rejects.toBeInstanceOf(
      BodyTooLargeError,
    )
    expect(pulled.bytes).toBeLessThanOrEqual(1024)
  })

  it('should stop an endless body just past the cap and cancel it', async () => {
    const { stream, pulled } = endless(1024)
    await expect(readCappedText(stream, null)).rejects.toMatchObject({ status: 413 })
    expect(pulled.cancelled).toBe(true)
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * 1024)
  })

  it('should read no body as empty text', async () => {
    await expect(readCappedText(null, null)).resolves.toBe('')
  })
})
