import { DEFAULT_TRANSITION_REASONS } from '@exemplar/domain'
import type { Payload } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

/**
 * Fills the reason list with the domain's defaults when it is empty, so a
 * new installation can return an entry at once. Two processes starting
 * together may both try: the code is unique, so the second insert of a code
 * fails and is ignored.
 */
export async function seedReasons(
  payload: Payload,
  options: ResolvedWorkflowOptions,
): Promise<void> {
  const { totalDocs } = await payload.count({ collection: options.reasons, overrideAccess: true })
  if (totalDocs > 0) {
    return
  }
  for (const reason of DEFAULT_TRANSITION_REASONS) {
    try {
      await payload.create({
        collection: options.reasons,
        data: {
          code: reason.code,
          label: reason.label.zh,
          labelEn: reason.label.en,
          actions: [...reason.actions],
          active: true,
        } as never,
        overrideAccess: true,
      })
    } catch (error) {
      payload.logger.warn({ err: error, code: reason.code }, '[workflow] default reason not added')
    }
  }
}
