import type { Config } from 'payload'

import type { ParticipantsPluginOptions } from './types'

export type { ParticipantsPluginOptions } from './types'

/** Institution registration and verification, doctor profiles, media partners, authors, pledges. */
export const participantsPlugin =
  (_options: ParticipantsPluginOptions) =>
  (config: Config): Config => ({ ...config })
