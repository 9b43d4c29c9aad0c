import type { CollectionConfig, Config } from 'payload'

import { searchHandler } from './endpoints/searchHandler'
import { dropEntry } from './hooks/dropEntry'
import { indexEntry } from './hooks/indexEntry'
import { relabelCampaign } from './hooks/relabelCampaign'
import { relabelTheme } from './hooks/relabelTheme'
import { resolveSearchOptions } from './options'
import { rebuildIndex } from './service/rebuild'
import { searchStoreOf } from './store'
import type { SearchPluginOptions } from './types'

export type { SearchPluginOptions } from './types'
export { searchOptionsOf } from './options'
export { rebuildIndex } from './service/rebuild'
export { searchGallery, type SearchCard, type SearchPage } from './service/search'
export { searchableFields } from './service/document'
export { searchStoreOf } from './store'

/**
 * The gallery's search: every public entry in an index of bigram tokens
 * (exact Chinese substring search), kept current by hooks in the same
 * transaction as the entry, campaign or theme write, with facet counts;
 * `GET /api/search`. An empty index over a database with public entries is
 * built at start.
 */
export const searchPlugin =
  (input: SearchPluginOptions) =>
  (config: Config): Config => {
    const options = resolveSearchOptions(input)
    const withHooks = (collection: CollectionConfig): CollectionConfig => {
      const hooks = collection.hooks ?? {}
      if (collection.slug === options.entries) {
        return {
          ...collection,
          hooks: {
            ...hooks,
            afterChange: [...(hooks.afterChange ?? []), indexEntry],
            afterDelete: [...(hooks.afterDelete ?? []), dropEntry],
          },
        }
      }
      if (collection.slug === options.campaigns || collection.slug === options.themes) {
        const hook = collection.slug === options.campaigns ? relabelCampaign : relabelTheme
        return {
          ...collection,
          hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), hook] },
        }
      }
      return collection
    }
    return {
      ...config,
      collections: (config.collections ?? []).map(withHooks),
      custom: { ...config.custom, search: options },
      endpoints: input.disabled
        ? config.endpoints
        : [...(config.endpoints ?? []), { path: '/search', method: 'get', handler: searchHandler }],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        const store = searchStoreOf(payload, {
          entries: options.entries,
          votes: options.votesField,
        })
        await store.ensure()
        if ((await store.size()) === 0) {
          await rebuildIndex(payload, options)
        }
      },
    }
  }
