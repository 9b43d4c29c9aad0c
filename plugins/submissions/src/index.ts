import type { Config } from 'payload'

import { extendCollections, screeningWordsGlobal } from './collections'
import { submissionsEndpoints } from './endpoints'
import { resolveSubmissionsOptions } from './options'
import type { SubmissionsPluginOptions } from './types'

export type { ResolvedSubmissionsOptions, SubmissionsPluginOptions } from './types'
export { resolveSubmissionsOptions } from './options'
export { SubmissionsService, imageSizesSettled, submissionsService } from './service'
export { allNotifiers, emailNotifier, smsNotifier, type Notifier } from './notify'
export { SCREENING_WORDS_SLUG } from './collections'
export { formatBeijing, submissionWindow, windowRefusal } from './lib/deadline'

/** Public submission: drafts, track rules enforced on the server, uploads, screening flags, confirmations. */
export const submissionsPlugin =
  (options: SubmissionsPluginOptions) =>
  (config: Config): Config => {
    const resolved = resolveSubmissionsOptions(options)
    const globals = config.globals ?? []
    return {
      ...config,
      collections: extendCollections(config.collections ?? [], resolved),
      globals: globals.some((g) => g.slug === 'screening-words')
        ? globals
        : [...globals, screeningWordsGlobal(resolved.isEditor)],
      // The CMS server's bare route reads the same resolved options.
      custom: { ...config.custom, submissions: resolved },
      endpoints: options.disabled
        ? config.endpoints
        : [...(config.endpoints ?? []), ...submissionsEndpoints(resolved)],
    }
  }
