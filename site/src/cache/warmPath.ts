import type { IncomingMessage, ServerResponse } from 'node:http'

import { preferredEncoding, type Encoding } from './encoding'
import type { ChangeFeed } from './changeFeed'
import type { PageStore, WarmPage } from './pageStore'

/**
 * Where the bundled site leaves its warm path for `site/server.mjs`, which
 * starts before the bundle's modules are loaded and cannot import them: one
 * process, one registry entry.
 */
export const WARM_PATH_KEY = Symbol.for('exemplar.site.warmPath')

/** Answers a request from the warm pages; false when it must go through Astro. */
export type WarmPath = (request: IncomingMessage, response: ServerResponse) => boolean

/** The key of a page: its path (which carries the locale, /en/…) and its sorted query. */
export function pageKey(url: URL): string {
  const params = new URLSearchParams(url.searchParams)
  params.sort()
  const query = params.toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}

/** The headers of a warm answer, the same whether Astro's pipeline or the warm path sends it. */
export function warmHeaders(
  page: WarmPage,
  encoding: Encoding,
  state: 'hit' | 'miss',
  notModified: boolean,
): [string, string][] {
  const headers: [string, string][] = [...page.headers]
  const vary = headers.findIndex(([name]) => name === 'vary')
  if (vary >= 0) {
    headers[vary] = ['vary', `${headers[vary]![1]}, accept-encoding`]
  } else {
    headers.push(['vary', 'accept-encoding'])
  }
  headers.push(['etag', page.etag], ['x-exemplar-cache', state])
  if (!notModified) {
    if (encoding !== 'identity') {
      headers.push(['content-encoding', encoding])
    }
    headers.push(['content-length', String(bodyOf(page, encoding).byteLength)])
  }
  return headers
}

export const bodyOf = (page: WarmPage, encoding: Encoding): Uint8Array =>
  encoding === 'identity' ? page.identity : page[encoding]

/** Browsers send a handful of distinct Accept-Encoding values; each is parsed once. */
const ENCODINGS_KEPT = 64
const encodings = new Map<string, Encoding>()

function encodingFor(header: string | undefined): Encoding {
  if (!header) {
    return 'identity'
  }
  let encoding = encodings.get(header)
  if (encoding === undefined) {
    encoding = preferredEncoding(header)
    if (encodings.size >= ENCODINGS_KEPT) {
      encodings.clear()
    }
    encodings.set(header, encoding)
  }
  return encoding
}

/** One wire form of each page and encoding, so a hit builds no headers. */
const wired = new WeakMap<WarmPage, Partial<Record<Encoding, string[]>>>()

function wireHeaders(page: WarmPage, encoding: Encoding): string[] {
  let forms = wired.get(page)
  if (!forms) {
    forms = {}
    wired.set(page, forms)
  }
  return (forms[encoding] ??= warmHeaders(page, encoding, 'hit', false).flat())
}

/**
 * The warm pages served straight from node:http, ahead of Astro's request
 * pipeline (which costs about ten times the answer itself): a GET for a page
 * the store holds, while the change feed is healthy, is written from the
 * compressed bytes kept for it. Everything else — misses, other methods,
 * /api and /_ paths, a feed gone quiet — goes on to Astro, whose cache
 * provider renders and stores the page.
 */
export function createWarmPath(store: PageStore, feed: ChangeFeed): WarmPath {
  return (request, response) => {
    const target = request.url
    if (
      request.method !== 'GET' ||
      !target ||
      target.startsWith('/api/') ||
      target.startsWith('/_') ||
      !feed.healthy()
    ) {
      return false
    }
    let key: string
    try {
      key =
        target.includes('?') || target.includes('%') || target.includes('.')
          ? pageKey(new URL(target, 'http://site.invalid'))
          : target
    } catch {
      return false
    }
    const page = store.get(key)
    if (!page) {
      return false
    }
    const encoding = encodingFor(request.headers['accept-encoding'])
    if (request.headers['if-none-match'] === page.etag) {
      response.writeHead(304, warmHeaders(page, encoding, 'hit', true).flat())
      response.end()
      return true
    }
    response.writeHead(page.status, wireHeaders(page, encoding))
    response.end(bodyOf(page, encoding))
    return true
  }
}
