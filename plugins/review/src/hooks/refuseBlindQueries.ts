import { keepMessage } from '@exemplar/http'
import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'

import type { ResolvedReviewOptions } from '../types'

/** Every field path a `where` names, through `and`/`or`. */
function pathsOf(where: Where | undefined, into: string[] = []): string[] {
  for (const [key, value] of Object.entries(where ?? {})) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      for (const part of value) {
        pathsOf(part as Where, into)
      }
    } else {
      into.push(key)
    }
  }
  return into
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .map((s) => String(s).trim().replace(/^-/, ''))
    .filter(Boolean)

/**
 * A reviewer may not filter or sort on what blind review hides: the order
 * of a sorted list, or which entries a filter keeps, would tell an author's
 * name or institution without ever showing it. Refused whatever the
 * campaign, since one query spans campaigns.
 */
export function refuseBlindQueries(
  options: ResolvedReviewOptions,
  hidden: readonly string[],
): CollectionBeforeOperationHook {
  return ({ args, operation, req }) => {
    // Enforced wherever access is: over REST and GraphQL, and on the Local API with overrideAccess: false.
    const override = (args as { overrideAccess?: boolean }).overrideAccess
    const enforced = override === false || (override === undefined && req.payloadAPI !== 'local')
    if (!enforced || !options.isReviewer(req.user)) {
      return args
    }
    if (
      operation !== 'read' &&
      operation !== 'count' &&
      operation !== 'update' &&
      operation !== 'delete'
    ) {
      return args
    }
    const query = args as { where?: Where; sort?: unknown }
    const named = [...pathsOf(query.where), ...sortPaths(query.sort)]
    const blocked = named.find((path) => hidden.includes(path.split('.')[0] ?? ''))
    if (blocked !== undefined) {
      const message = `评审专家不能按“${blocked}”筛选或排序（盲评隐去的字段）`
      throw keepMessage(
        new APIError(
          message,
          403,
          { errors: [{ field: blocked, code: 'blindField', message }] },
          true,
        ),
      )
    }
    return args
  }
}
