import './context'
import type { Config } from 'payload'

import { extendCollections, screeningWordsGlobal } from './collections'
import { uploadSessionsCollection } from './collections/uploadSessions'
import { submissionsEndpoints } from './endpoints'
import { resolveSubmissionsOptions } from './options'
import type { SubmissionsPluginOptions } from './types'
import { restrictJobStats, withSweepJobs } from './uploads/sweepTask'

export type { ResolvedSubmissionsOptions, SubmissionsPluginOptions } from './types'
export { resolveSubmissionsOptions } from './options'
export { SubmissionsService, imageSizesSettled, submissionsService } from './service'
export { allNotifiers, emailNotifier, smsNotifier, type Notifier } from './notify'
export { SCREENING_WORDS_SLUG } from './lib/slugs'
export { formatBeijing, submissionWindow, windowRefusal } from './lib/deadline'
export { retryUniqueClash } from './lib/retryUniqueClash'
export { UploadQuota, uploadQuota } from './uploads/quota'
export { sweepIdleUploads, sweepOrphanMedia, sweepUploads } from './uploads/sweep'
export { SWEEP_TASK, STALE_JOB_MS } from './uploads/sweepTask'

/** Public submission: drafts, track rules enforced on the server, uploads, screening flags, confirmations. */
export const submissionsPlugin =
  (options: SubmissionsPluginOptions) =>
  (config: Config): Config => {
    const resolved = resolveSubmissionsOptions(options)
    const globals = config.globals ?? []
    const collections = extendCollections(config.collections ?? [], resolved)
    const upload = config.upload ?? {}
    return {
      ...config,
      collections: collections.some((c) => c.slug === resolved.uploadSessions)
        ? collections
        : [...collections, uploadSessionsCollection(resolved)],
      globals: globals.some((g) => g.slug === 'screening-words')
        ? globals
        : [...globals, screeningWordsGlobal(resolved.isEditor)],
      // Payload's own upload route takes no larger file than the plugin's plain upload, and
      // refuses a bigger one (with abortOnLimit off it would store the truncated bytes). Its
      // parser (busboy) stops a file that reaches `fileSize`, so the cap is one byte above
      // the largest file taken.
      upload: {
        ...upload,
        abortOnLimit: true,
        limits: {
          ...upload.limits,
          fileSize: Math.min(upload.limits?.fileSize ?? Infinity, resolved.maxPlainUploadBytes + 1),
        },
      },
      jobs: withSweepJobs(config, resolved, options.disabled),
      onInit: async (payload) => {
        await config.onInit?.(payload)
        restrictJobStats(payload, resolved)
      },
      // The CMS server's bare route reads the same resolved options.
      custom: { ...config.custom, submissions: resolved },
      endpoints: options.disabled
        ? config.endpoints
        : [...(config.endpoints ?? []), ...submissionsEndpoints],
    }
  }
