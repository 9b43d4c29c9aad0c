import type { CollectionBeforeOperationHook } from 'payload'

import { isEditorRole, roleOf } from '../lib/roles'

/** The most documents one public read returns, and the deepest population it gets. */
export const PUBLIC_MAX_LIMIT = 100
export const PUBLIC_MAX_DEPTH = 2
export const PUBLIC_MAX_PAGE = 1_000

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(n)))

/**
 * REST and GraphQL reads by anyone but the committee are bounded: `limit=0`
 * (or `pagination=false`) would return a whole collection, and `depth=10`
 * populates every relation of every document (PITFALLS: seconds per request).
 * The server's own reads are not touched: the Local API, and an endpoint's
 * reads that override access (they carry the request's REST `payloadAPI`).
 */
export const capPublicQueries: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (req.payloadAPI === 'local' || overrideAccess || isEditorRole(roleOf(req.user))) {
    return args
  }
  const out = { ...args } as Record<string, unknown>
  if (typeof out.depth === 'number' || out.depth !== undefined) {
    const depth = Number(out.depth)
    out.depth = Number.isFinite(depth) ? clamp(depth, 0, PUBLIC_MAX_DEPTH) : 0
  }
  if (operation === 'read' || operation === 'readDistinct') {
    const limit = out.limit === undefined ? undefined : Number(out.limit)
    if (limit !== undefined || out.pagination === false) {
      out.limit =
        limit !== undefined && Number.isFinite(limit) && limit >= 1
          ? clamp(limit, 1, PUBLIC_MAX_LIMIT)
          : PUBLIC_MAX_LIMIT
    }
    if (out.page !== undefined) {
      const page = Number(out.page)
      out.page = Number.isFinite(page) ? clamp(page, 1, PUBLIC_MAX_PAGE) : 1
    }
  }
  return out as typeof args
}
