import { keepMessage } from '@exemplar/http'
import { APIError, type CollectionBeforeOperationHook } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

const REFUSED = '作品状态只能通过流转操作更改（POST /api/workflow/entries/:id/transitions）'

/**
 * Over REST and GraphQL nobody writes an entry's status, editors included:
 * it changes only through a transition, which checks the table and writes
 * the history row with it. Refused before Payload's field access could drop
 * the value in silence. A save that sends the status it already has (the
 * admin's form sends every field) passes.
 */
export function refuseStatusWrites(
  options: ResolvedWorkflowOptions,
): CollectionBeforeOperationHook {
  const field = options.fields.status
  return async ({ args, operation, req }) => {
    if (req.payloadAPI === 'local' || req.context?.workflowAction) {
      return args
    }
    const data = (args as { data?: Record<string, unknown> }).data
    if (!data || typeof data !== 'object' || !Object.hasOwn(data, field)) {
      return args
    }
    const wanted = data[field]
    if (operation === 'create') {
      if (wanted === undefined || wanted === null || wanted === 'draft') {
        return args
      }
      throw keepMessage(new APIError(REFUSED, 403, undefined, true))
    }
    if (operation !== 'update') {
      return args
    }
    const id = (args as { id?: number | string }).id
    if (id === undefined) {
      // A bulk update by `where` could reach entries in any state.
      throw keepMessage(new APIError(REFUSED, 403, undefined, true))
    }
    const current = await req.payload.findByID({
      collection: options.entries,
      id,
      depth: 0,
      select: { [field]: true },
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    if (current && (current as unknown as Record<string, unknown>)[field] === wanted) {
      return args
    }
    throw keepMessage(new APIError(REFUSED, 403, undefined, true))
  }
}
