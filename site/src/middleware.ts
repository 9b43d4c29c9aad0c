import { defineMiddleware } from 'astro:middleware'

import { splitLocale } from './lib/i18n'

/** Reading pages may sit in a shared cache briefly and be served stale while it refreshes. */
export const READING_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300'

export const onRequest = defineMiddleware(async (context, next) => {
  const { pathname, search } = context.url
  // The proxy passes bytes through untouched, whatever the locale.
  if (pathname.startsWith('/api/')) {
    return next()
  }
  // A rewrite runs the middleware again with the unprefixed path; keep the first decision.
  const { locale, path } = splitLocale(pathname)
  const rewriting = locale === 'en' && !context.locals.locale
  context.locals.locale ??= locale

  const response = await (rewriting ? next(`${path}${search}`) : next())

  // 500.astro marks a CMS outage with Retry-After; Astro forces 500 on error pages, but an
  // outage is temporary and caches and monitors should see 503.
  if (response.status === 500 && response.headers.has('retry-after')) {
    return new Response(response.body, { status: 503, headers: response.headers })
  }

  const html = response.headers.get('content-type')?.startsWith('text/html')
  if (
    ['GET', 'HEAD'].includes(context.request.method) &&
    response.status === 200 &&
    html &&
    !response.headers.has('cache-control')
  ) {
    response.headers.set('cache-control', READING_CACHE_CONTROL)
  }
  return response
})
