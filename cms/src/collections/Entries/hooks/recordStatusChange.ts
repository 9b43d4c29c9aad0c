import type { CollectionBeforeChangeHook } from 'payload'

import { CAMPAIGN_TIME_ZONE } from '@exemplar/domain'

import { idOf } from '../../../lib/roles'

interface HistoryRow {
  from?: string | null
  to: string
  at: string
  at_tz?: string
  by?: number | string | null
  reason?: string | null
}

/**
 * Every change of status leaves a row: from, to, when, who, why. The reason
 * comes from `req.context.statusReason` so callers need no extra field. A
 * change the caller already recorded (an import bringing its own history) is
 * not recorded twice.
 */
export const recordStatusChange: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const from = operation === 'create' ? null : (originalDoc?.status as string | undefined)
  const to = (data.status ?? from) as string | undefined
  if (!to || to === from) {
    return data
  }
  const history = (data.history ?? originalDoc?.history ?? []) as HistoryRow[]
  if (history.at(-1)?.to === to) {
    return data
  }
  const reason = req.context?.statusReason ?? null
  return {
    ...data,
    history: [
      ...history,
      {
        from: from ?? null,
        to,
        at: new Date().toISOString(),
        // Rows added here come after Payload filled defaults in: the zone the admin shows `at` in.
        at_tz: CAMPAIGN_TIME_ZONE,
        by: idOf(req.user) ?? null,
        reason,
      },
    ],
  }
}
