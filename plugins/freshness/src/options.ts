import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { FreshnessPluginOptions, ResolvedFreshnessOptions } from './types'

export function resolveFreshnessOptions(options: FreshnessPluginOptions): ResolvedFreshnessOptions {
  return { slug: (options.slug ?? 'page-changes') as CollectionSlug }
}

/** The options the plugin was composed with, from the running config. */
export function freshnessOptionsOf(config: SanitizedConfig): ResolvedFreshnessOptions {
  const options = (config.custom as { freshness?: ResolvedFreshnessOptions } | undefined)?.freshness
  if (!options) {
    throw new Error('the freshness plugin is not in this Payload config')
  }
  return options
}
