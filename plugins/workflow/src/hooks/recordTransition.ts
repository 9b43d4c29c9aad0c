import {
  CAMPAIGN_TIME_ZONE,
  ENTRY_STATE_LABELS,
  actionBetween,
  isEntryState,
  transitionOf,
} from '@exemplar/domain'
import { keepMessage } from '@exemplar/http'
import { APIError, type CollectionBeforeChangeHook } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

export interface HistoryRow {
  from?: string | null
  to: string
  action?: string | null
  at: string
  at_tz?: string
  by?: number | string | null
  role?: string | null
  reasonCode?: string | null
  reasonLabel?: string | null
  reason?: string | null
}

const idOf = (user: unknown) => (user as { id?: number | string } | null | undefined)?.id

/**
 * Every change of status leaves one history row, in the same write: from,
 * to, action, who and in what role, when, why. A write that names its
 * action (the workflow's service, the submission form) must be that row of
 * the transition table. REST and GraphQL cannot reach here with a change
 * (refuseStatusWrites); what remains is the server's own code on the Local
 * API — demo data, imports, tests — whose move is recorded with the action
 * that makes it, when exactly one does. A write that brings its own history
 * ending in the new state (an import) is not recorded twice.
 */
export function recordTransition(options: ResolvedWorkflowOptions): CollectionBeforeChangeHook {
  const { status, history: historyName } = options.fields
  return ({ data, operation, originalDoc, req }) => {
    const from = operation === 'create' ? null : (originalDoc?.[status] as string | undefined)
    const to = (data[status] ?? from) as string | undefined
    if (!to || to === from) {
      return data
    }
    const history = (data[historyName] ?? originalDoc?.[historyName] ?? []) as HistoryRow[]
    if (req.payloadAPI === 'local' && history.at(-1)?.to === to) {
      return data
    }
    if (!isEntryState(to)) {
      throw keepMessage(new APIError(`未知的作品状态“${String(to)}”`, 400, undefined, true))
    }
    const named = req.context?.workflowAction
    let action: string | null = null
    if (from !== null && from !== undefined && isEntryState(from)) {
      if (req.payloadAPI !== 'local' && !named) {
        throw keepMessage(new APIError('作品状态只能通过流转操作更改', 403, undefined, true))
      }
      action = named ?? actionBetween(from, to) ?? null
      const transition = named ? transitionOf(named) : undefined
      if (named && (!transition || transition.to !== to || !transition.from.includes(from))) {
        throw keepMessage(
          new APIError(
            `作品当前状态为“${ENTRY_STATE_LABELS[from].zh}”，不能改为“${ENTRY_STATE_LABELS[to].zh}”`,
            409,
            undefined,
            true,
          ),
        )
      }
    }
    const reason = req.context?.workflowReason ?? null
    const row: HistoryRow = {
      from: from ?? null,
      to,
      action,
      at: new Date().toISOString(),
      // Rows added here come after Payload filled defaults in: the zone the admin shows `at` in.
      at_tz: CAMPAIGN_TIME_ZONE,
      by: idOf(req.user) ?? null,
      role: options.roleOf(req.user) ?? null,
      reasonCode: reason?.code || null,
      reasonLabel: reason?.label || null,
      reason: reason?.text || req.context?.statusReason || null,
    }
    return { ...data, [historyName]: [...history, row] }
  }
}
