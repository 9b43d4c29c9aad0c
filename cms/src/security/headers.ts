import crypto from 'node:crypto'

/**
 * The CMS's security headers, set by cms/server.ts on every response (fast
 * paths, Next, refusals). This file imports nothing of ours: the outer server
 * loads it through Node's type stripping, outside Next's bundle.
 */

/** JSON, files and the fast paths: nothing in them may run, load or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/**
 * The admin's pages. Next stamps the request's nonce on every script it
 * writes (its own chunks and the inline flight data), so no script runs
 * without it; styles keep 'unsafe-inline' (Payload's components set inline
 * styles). Development adds 'unsafe-eval' for Next's reloading.
 */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

/** A fresh nonce per request: 128 random bits, base64 (what CSP and Next accept). */
export function newNonce(): string {
  return crypto.randomBytes(16).toString('base64')
}

/** Everything under /api answers data (JSON, files), never a page. */
export function isApiPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?', 1)[0]!
  return path === '/api' || path.startsWith('/api/')
}

export interface SecurityHeaderOptions {
  /** The page's script nonce; without one the answer is data (API_POLICY). */
  nonce?: string
  /** HSTS only in production mode: on a plain-HTTP demo it would only confuse. */
  production: boolean
  dev?: boolean
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const { nonce } = options
  const headers: Record<string, string> = {
    // Development reports instead of blocking: Next's and React's dev tooling
    // may run what production never sends, and the console shows it either way.
    [options.dev ? 'content-security-policy-report-only' : 'content-security-policy']:
      nonce === undefined ? API_POLICY : pagePolicy(nonce, options.dev),
    'x-frame-options': nonce === undefined ? 'DENY' : 'SAMEORIGIN',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  }
  if (options.production) {
    headers['strict-transport-security'] = 'max-age=31536000'
  }
  return headers
}
