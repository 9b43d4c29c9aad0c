import type { CacheProvider, CacheProviderFactory } from 'astro'

import { clearCache } from '../cms/cache'
import { compressedStream, preferredEncoding, type Encoding } from './encoding'
import { changeFeed as feed, pageStore as store } from './index'
import { warmPage, type WarmPage } from './pageStore'
import { bodyOf, pageKey, warmHeaders } from './warmPath'

/** What the page said with `Astro.cache.set`, as Astro's headers carry it to the provider. */
function declared(response: Response): { maxAge: number; tags: string[] } | null {
  const control = response.headers.get('cdn-cache-control') ?? ''
  const maxAge = Number(/max-age=(\d+)/.exec(control)?.[1] ?? 0)
  const tags = (response.headers.get('cache-tag') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  return maxAge > 0 ? { maxAge, tags } : null
}

function answer(page: WarmPage, request: Request, state: 'hit' | 'miss'): Response {
  const notModified = request.headers.get('if-none-match') === page.etag
  const encoding = preferredEncoding(request.headers.get('accept-encoding'))
  const headers = new Headers(warmHeaders(page, encoding, state, notModified))
  if (notModified) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(bodyOf(page, encoding).slice(), { status: page.status, headers })
}

/** A page the cache does not keep, still compressed on the way out when it is HTML. */
function passThrough(response: Response, encoding: Encoding): Response {
  const type = response.headers.get('content-type') ?? ''
  if (
    encoding === 'identity' ||
    !response.body ||
    !/^text\/html|^application\/json/.test(type) ||
    response.headers.has('content-encoding')
  ) {
    return response
  }
  const headers = new Headers(response.headers)
  headers.set('content-encoding', encoding)
  headers.delete('content-length')
  headers.append('vary', 'accept-encoding')
  return new Response(compressedStream(response.body, encoding), {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}

/**
 * The site's page cache (Astro route caching): a page that declares
 * `Astro.cache.set({maxAge, tags})` is rendered once, compressed once, and
 * served warm until the CMS says one of its tags changed (the change feed,
 * polled every second by each site process) or its max-age runs out.
 * Concurrent requests for a page being rendered wait for that render.
 * While the feed has no recent answer nothing is served warm or kept.
 * The store's limits are in ./index.ts (64 MB, 5,000 pages).
 */
const warmCache: CacheProviderFactory = () => {
  const rendering = new Map<string, Promise<WarmPage | null>>()

  const provider: CacheProvider = {
    name: 'exemplar-warm',
    async onRequest({ request, url }, next) {
      if (
        request.method !== 'GET' ||
        url.pathname.startsWith('/api/') ||
        url.pathname.startsWith('/_')
      ) {
        return next()
      }
      feed.start()
      const encoding = preferredEncoding(request.headers.get('accept-encoding'))
      if (!feed.healthy()) {
        return passThrough(await next(), encoding)
      }
      const key = pageKey(url)
      const warm = store.get(key)
      if (warm) {
        return answer(warm, request, 'hit')
      }
      const pending = rendering.get(key)
      if (pending) {
        const page = await pending
        if (page) {
          return answer(page, request, 'hit')
        }
        return passThrough(await next(), encoding)
      }
      const epoch = store.epoch
      let settle: (page: WarmPage | null) => void = () => undefined
      rendering.set(key, new Promise((resolve) => (settle = resolve)))
      try {
        const response = await next()
        const rule = declared(response)
        if (!rule || response.status !== 200 || response.headers.has('set-cookie')) {
          settle(null)
          return passThrough(response, encoding)
        }
        const headers: [string, string][] = []
        response.headers.forEach((value, name) => {
          if (!['cdn-cache-control', 'cache-tag', 'content-length'].includes(name)) {
            headers.push([name, value])
          }
        })
        const now = Date.now()
        const page = warmPage(new Uint8Array(await response.arrayBuffer()), {
          status: response.status,
          headers,
          tags: rule.tags,
          storedAt: now,
          expiresAt: now + rule.maxAge * 1000,
        })
        const kept = feed.healthy() && store.set(key, page, epoch)
        settle(kept ? page : null)
        return answer(page, request, 'miss')
      } catch (error) {
        settle(null)
        throw error
      } finally {
        rendering.delete(key)
      }
    },
    async invalidate(options) {
      const tags = typeof options.tags === 'string' ? [options.tags] : (options.tags ?? [])
      if (tags.length > 0) {
        store.dropTagged(tags)
      }
      if (options.path) {
        store.dropKey(pageKey(new URL(options.path, 'http://site.invalid')))
      }
      clearCache()
    },
  }
  return provider
}

export default warmCache
