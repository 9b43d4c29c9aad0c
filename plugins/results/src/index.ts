import type { CollectionConfig, Config, Field } from 'payload'

import { campaignResultsField, mapNamedArray, trackTiersField } from './collections/campaignFields'
import { snapshotsCollection } from './collections/snapshots'
import { resultsEndpoints } from './endpoints'
import { resolveResultsOptions } from './options'
import type { ResolvedResultsOptions, ResultsPluginOptions } from './types'

export type { ExpertScore, ExpertScores, ResultsPluginOptions } from './types'
export { resultsOptionsOf } from './options'
export { freezeResults, latestSnapshot, previewResults, resultsHash } from './service/freeze'
export { campaignNamed as campaignForResults } from './service/gather'
export { snapshotTable } from './service/exportSnapshot'

const named = (names: string[]) => (f: Field) => !('name' in f) || !names.includes(f.name)

function withCampaignParts(c: CollectionConfig, options: ResolvedResultsOptions): CollectionConfig {
  const fields = mapNamedArray(c.fields, options.fields.tracks, (tracks) => ({
    ...tracks,
    fields: [...tracks.fields.filter(named(['tiers'])), trackTiersField()],
  }))
  return { ...c, fields: [...fields.filter(named(['results'])), campaignResultsField()] }
}

/**
 * Results: the published formula and award tiers on each campaign, and
 * result snapshots frozen by editors, immutable, each with the SHA-256 of
 * its canonical JSON. Its collections and fields are added even when
 * disabled, so the schema never changes under the data.
 */
export const resultsPlugin =
  (input: ResultsPluginOptions) =>
  (config: Config): Config => {
    const options = resolveResultsOptions(input)
    const collections = (config.collections ?? []).map((c) =>
      c.slug === options.campaigns ? withCampaignParts(c, options) : c,
    )
    const added = [snapshotsCollection(options)]
    if (input.disabled) {
      return { ...config, collections: [...collections, ...added] }
    }
    return {
      ...config,
      collections: [...collections, ...added],
      endpoints: [...(config.endpoints ?? []), ...resultsEndpoints],
      custom: { ...config.custom, results: options },
    }
  }
