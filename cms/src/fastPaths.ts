import { createSubmissionsHandler } from '@exemplar/plugin-submissions/server'
import {
  createVotingHandler,
  parseTrustedProxies,
  resolveClientIp,
} from '@exemplar/plugin-voting/server'
import type { Payload } from 'payload'

import type { FastPaths } from './fastPathsKey'
import { createRestReads } from './restReads'

/**
 * The routes cms/server.ts answers on the bare Node server before Next: the
 * vote and leaderboard hot routes (voting plugin) and /api/submissions/*
 * (uploads streamed to disk, resumable uploads), and every other REST read
 * (Payload's own dispatcher without Next, src/restReads.ts), on the one
 * Payload instance Next's own routes use.
 */
export function createFastPaths(payload: Payload): FastPaths {
  const voting = createVotingHandler(payload)
  const submissions = createSubmissionsHandler(payload)
  const restReads = createRestReads(payload)
  const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES)
  return (req, res) => {
    // From here on X-Forwarded-For holds one address we believe: rate limits
    // and the integrity report key on it.
    const forwarded = req.headers['x-forwarded-for']
    req.headers['x-forwarded-for'] = resolveClientIp(
      req.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
      trustedProxies,
    )
    return voting(req, res) || submissions(req, res) || restReads(req, res)
  }
}
