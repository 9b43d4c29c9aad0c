import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { constants, createBrotliCompress, createGzip } from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'

/** Longer than any browser's Accept-Encoding: a longer one is not parsed, and gets no compression. */
const ACCEPT_ENCODING_MAX = 256

/**
 * The encoding to answer with: brotli, then gzip, when the request accepts
 * it with a non-zero quality.
 */
export function preferredEncoding(header: string | null): Encoding {
  if (!header || header.length > ACCEPT_ENCODING_MAX) {
    return 'identity'
  }
  const accepted = new Map<string, number>()
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    accepted.set(name!.trim(), q === undefined ? 1 : Number(q))
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0
  if (quality('br') > 0) {
    return 'br'
  }
  return quality('gzip') > 0 ? 'gzip' : 'identity'
}

/** A body compressed as it streams (pages the cache does not keep): fast settings, the page is read once. */
export function compressedStream(
  body: ReadableStream<Uint8Array>,
  encoding: Exclude<Encoding, 'identity'>,
): ReadableStream<Uint8Array> {
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : createGzip({ level: 6 })
  const source = Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>)
  source.on('error', (error) => compressor.destroy(error))
  return Readable.toWeb(source.pipe(compressor)) as unknown as ReadableStream<Uint8Array>
}
