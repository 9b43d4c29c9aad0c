/**
 * The site's one Payload client. The CMS is the only process that opens the
 * database; the site reads its REST API anonymously, so access control on the
 * CMS decides what is public (published campaigns and posts, entries on
 * display). Never forward a reader's cookies or tokens from here.
 */
import type { Config } from '@exemplar/cms/payload-types'
import { PayloadSDK } from '@payloadcms/sdk'

import { CmsUnavailable, NotFound } from './errors'

export type Cms = PayloadSDK<Config>

const TIMEOUT_MS = 10_000

export const cmsUrl = (): string =>
  (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/$/, '')

/**
 * fetch for the SDK: a timeout on every read, and the site's two failures
 * instead of the SDK's error, so pages answer 404 or 503 the same way for
 * collection reads and our own endpoints.
 */
function fetchFromCms(base: string): typeof fetch {
  return async (input, init) => {
    const url = String(input)
    const path = url.startsWith(base) ? url.slice(base.length) : url
    let res: Response
    try {
      res = await fetch(input, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
    } catch (error) {
      throw new CmsUnavailable(`CMS unreachable at ${base}: ${String(error)}`)
    }
    if (res.status === 404) {
      throw new NotFound(path)
    }
    if (!res.ok) {
      throw new CmsUnavailable(`CMS answered ${res.status} for ${path}`, res.status)
    }
    return res
  }
}

let client: { base: string; sdk: Cms } | undefined

/** The client for CMS_URL as it is now (tests start a CMS on a port of their own). */
export function cms(): Cms {
  const base = cmsUrl()
  if (client?.base !== base) {
    client = { base, sdk: createCms(base) }
  }
  return client.sdk
}

export function createCms(base: string): Cms {
  return new PayloadSDK<Config>({
    baseURL: `${base}/api`,
    // A plain object: the SDK spreads these into each request's headers.
    baseInit: { headers: { accept: 'application/json' } },
    fetch: fetchFromCms(base),
  })
}

/** GET one of our own endpoints (`/voting/…`, `/participants/…`) below /api. */
export function getEndpoint(path: string, query: URLSearchParams): Promise<Response> {
  return cms().request({ method: 'GET', path: `${path}?${query.toString()}` })
}
