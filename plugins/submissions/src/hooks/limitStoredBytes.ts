import type { CollectionBeforeChangeHook } from 'payload'

import { SubmissionError, hookRefusal } from '../lib/errors'
import { uploadQuota } from '../uploads/quota'
import type { ResolvedSubmissionsOptions } from '../types'

/**
 * A non-editor's file arriving through Payload's own upload route
 * (`POST /api/media`) counts against their stored quota like one through the
 * plugin's routes, which check it themselves before the file is read.
 */
export function limitStoredBytes(options: ResolvedSubmissionsOptions): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) => {
    if (
      operation !== 'create' ||
      !req.user ||
      options.isEditor(req.user) ||
      req.context?.submissionsQuotaChecked
    ) {
      return data
    }
    try {
      await uploadQuota(req.payload, options).checkStored(req.user, req.file?.size ?? 0)
    } catch (err) {
      throw err instanceof SubmissionError ? hookRefusal(err) : err
    }
    return data
  }
}
