import type { Access, CollectionConfig, Config, Field } from 'payload'

import { campaignVotingField } from './collections/campaignVotingField'
import { entryTallyField } from './collections/entryTallyField'
import { integrityPanelField } from './collections/integrityPanelField'
import { voteAuditsCollection } from './collections/VoteAudits'
import { voteCodesCollection } from './collections/VoteCodes'
import { votersCollection } from './collections/Voters'
import { votesCollection } from './collections/Votes'
import { votingEndpoints } from './endpoints'
import { dropTallyFilters } from './hooks/dropTallyFilters'
import { maskTally } from './hooks/maskTally'
import { bumpGeneration } from './lib/generation'
import { resolveVotingOptions } from './options'
import type { ResolvedVotingOptions, VotingPluginOptions } from './types'

export type { ResolvedVotingOptions, VotingPluginOptions } from './types'
export { votingService, VotingService } from './service'
export { resolveVotingOptions } from './options'
export { issueVoterToken } from './lib/token'
export { verifiedVoterContact, type VerifiedContact } from './verifiedContact'

/**
 * The plugin adds the tally field it keeps. A host that declares a field of
 * that name keeps its own, with the public's reads masked all the same.
 */
function withTallyField(fields: Field[], options: ResolvedVotingOptions): Field[] {
  const declared = fields.some((f) => 'name' in f && f.name === options.tallyField)
  if (!declared) {
    return [...fields, entryTallyField(options)]
  }
  return fields.map((field) => {
    if (!('name' in field) || field.name !== options.tallyField || field.type === 'ui') {
      return field
    }
    const hooks = (field as { hooks?: { afterRead?: unknown[] } }).hooks
    return {
      ...field,
      hooks: { ...hooks, afterRead: [...(hooks?.afterRead ?? []), maskTally(options)] },
    } as Field
  })
}

/**
 * Public voting: voter codes and tokens, one vote record per (voter, entry,
 * day) under a unique index, tallies kept in the entries' tally field,
 * leaderboards, an integrity report and an audit trail for voided votes.
 */
export const votingPlugin =
  (options: VotingPluginOptions) =>
  (config: Config): Config => {
    const resolved = resolveVotingOptions(options)
    const canManage: Access = ({ req }) => resolved.isEditor(req.user)
    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      if (collection.slug !== resolved.campaigns && collection.slug !== resolved.entries) {
        return collection
      }
      // The vote path caches entries' display state and campaigns' rules; an edit drops them.
      const hooks = {
        ...collection.hooks,
        afterChange: [...(collection.hooks?.afterChange ?? []), () => bumpGeneration()],
        afterDelete: [...(collection.hooks?.afterDelete ?? []), () => bumpGeneration()],
      }
      const needsField =
        collection.slug === resolved.campaigns &&
        !collection.fields.some((f) => 'name' in f && f.name === 'voting')
      if (collection.slug === resolved.entries) {
        return {
          ...collection,
          hooks: {
            ...hooks,
            beforeOperation: [
              ...(collection.hooks?.beforeOperation ?? []),
              dropTallyFilters(resolved),
            ],
          },
          fields: withTallyField(collection.fields, resolved),
        }
      }
      const fields = needsField ? [...collection.fields, campaignVotingField] : collection.fields
      return {
        ...collection,
        hooks,
        fields: [
          ...fields.filter((f) => !('name' in f) || f.name !== 'votingIntegrity'),
          integrityPanelField(resolved),
        ],
      }
    })
    collections.push(
      votersCollection(canManage),
      voteCodesCollection,
      votesCollection(resolved.entries, resolved.campaigns, canManage),
      voteAuditsCollection(canManage, resolved.users),
    )
    return {
      ...config,
      collections,
      // The fast path in the CMS server reads the same resolved options.
      custom: { ...config.custom, voting: resolved },
      endpoints: options.disabled
        ? config.endpoints
        : [...(config.endpoints ?? []), ...votingEndpoints(resolved)],
    }
  }
