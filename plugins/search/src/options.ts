import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { ResolvedSearchOptions, SearchPluginOptions } from './types'

export function resolveSearchOptions(options: SearchPluginOptions): ResolvedSearchOptions {
  return {
    entries: (options.entries ?? 'entries') as CollectionSlug,
    campaigns: (options.campaigns ?? 'campaigns') as CollectionSlug,
    themes: (options.themes ?? 'themes') as CollectionSlug,
    publicStates: options.publicStates,
    votesField: options.votesField ?? 'voteCount',
  }
}

/** The options the plugin was composed with, from the running config. */
export function searchOptionsOf(config: SanitizedConfig): ResolvedSearchOptions {
  const options = (config.custom as { search?: ResolvedSearchOptions } | undefined)?.search
  if (!options) {
    throw new Error('the search plugin is not in this Payload config')
  }
  return options
}
