import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { ResolvedResultsOptions, ResultsPluginOptions } from './types'

export function resolveResultsOptions(options: ResultsPluginOptions): ResolvedResultsOptions {
  const slug = (value: string | undefined, fallback: string) =>
    (value ?? fallback) as CollectionSlug
  return {
    entries: slug(options.entries, 'entries'),
    campaigns: slug(options.campaigns, 'campaigns'),
    organizations: slug(options.organizations, 'organizations'),
    users: slug(options.users, 'users'),
    slugs: { snapshots: slug(options.slugs?.snapshots, 'result-snapshots') },
    fields: {
      campaign: 'campaign',
      track: 'track',
      status: 'status',
      number: 'number',
      title: 'title',
      organization: 'organization',
      province: 'province',
      votes: 'voteCount',
      pin: 'pin',
      history: 'history',
      slug: 'slug',
      campaignTitle: 'title',
      tracks: 'tracks',
      organizationName: 'name',
      ...options.fields,
    },
    rankedStates: options.rankedStates,
    revokedState: options.revokedState ?? 'revoked',
    expertScores: options.expertScores,
    isEditor: options.isEditor,
  }
}

/** The options the plugin was composed with, from the running config. */
export function resultsOptionsOf(config: SanitizedConfig): ResolvedResultsOptions {
  const options = (config.custom as { results?: ResolvedResultsOptions } | undefined)?.results
  if (!options) {
    throw new Error('the results plugin is not in this Payload config')
  }
  return options
}
