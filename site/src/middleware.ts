import { defineMiddleware } from 'astro:middleware'

import { splitLocale } from './i18n'

/**
 * Reading pages: a browser asks again every time (an ETag makes that a
 * 304 from the site's warm cache); a shared cache may keep one 2 s, inside
 * the 5 s in which an editor's change must show.
 */
export const READING_CACHE_CONTROL = 'public, max-age=0, s-maxage=2, must-revalidate'

/** Demo mode as the CMS reads it (cms/src/lib/demo.ts): EXEMPLAR_DEMO=1 under `npm start`. */
const demo = ['1', 'true', 'yes'].includes(process.env.EXEMPLAR_DEMO?.trim().toLowerCase() ?? '')

/** The CMS's public origin, when media URLs point there instead of the site's /api proxy. */
function cmsOrigin(): string {
  try {
    return process.env.CMS_PUBLIC_URL ? ` ${new URL(process.env.CMS_PUBLIC_URL).origin}` : ''
  } catch {
    return ''
  }
}

/**
 * Every script on the site is a bundled file under /_astro (no inline
 * script, island bootstrap or JSON-LD runs: `<script type="application/json">`
 * is data), so 'self' is the whole script policy. Styles keep 'unsafe-inline'.
 * frame-ancestors 'self' until the partner embeds open their own routes.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${cmsOrigin()}`,
  `media-src 'self' blob:${cmsOrigin()}`,
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

const SECURITY_HEADERS: Record<string, string> = {
  // `astro dev` reports instead of blocking: Vite's client and the dev toolbar run inline code.
  [import.meta.env.DEV ? 'content-security-policy-report-only' : 'content-security-policy']:
    PAGE_POLICY,
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // HSTS only in production mode; a plain-HTTP demo has nothing to pin.
  ...(import.meta.env.PROD && !demo ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  // scripts/start.mjs tells the server it started from another one on the port by this.
  ...(process.env.EXEMPLAR_START_NONCE
    ? { 'x-exemplar-start': process.env.EXEMPLAR_START_NONCE }
    : {}),
}

/**
 * The security headers on a response. The /api proxy keeps the CMS's own
 * (its API policy) and only fills in what is missing; redirects carry
 * immutable headers, so those are copied first.
 */
function secured(response: Response, proxied: boolean): Response {
  let target = response
  try {
    target.headers.set('x-content-type-options', 'nosniff')
  } catch {
    target = new Response(response.body, response)
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!proxied || !target.headers.has(name)) {
      target.headers.set(name, value)
    }
  }
  return target
}

export const onRequest = defineMiddleware(async (context, next) => {
  const { pathname, search } = context.url
  // The proxy passes bytes through untouched, whatever the locale.
  if (pathname.startsWith('/api/')) {
    return secured(await next(), true)
  }
  // A rewrite runs the middleware again with the unprefixed path; keep the first decision.
  const { locale, path } = splitLocale(pathname)
  const rewriting = locale === 'en' && !context.locals.locale
  context.locals.locale ??= locale

  const response = await (rewriting ? next(`${path}${search}`) : next())

  // 500.astro marks a CMS outage with Retry-After; Astro forces 500 on error pages, but an
  // outage is temporary and caches and monitors should see 503.
  if (response.status === 500 && response.headers.has('retry-after')) {
    return secured(new Response(response.body, { status: 503, headers: response.headers }), false)
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
  return secured(response, false)
})
