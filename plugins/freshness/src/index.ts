import type { CollectionConfig, Config } from 'payload'

import { pageChangesCollection } from './collection'
import { changesHandler } from './endpoints/changesHandler'
import { recordChange } from './hooks/recordChange'
import { recordDeletion } from './hooks/recordDeletion'
import { resolveFreshnessOptions } from './options'
import type { FreshnessPluginOptions } from './types'

export type { ChangedDoc, FreshnessPluginOptions, PageTagsOf } from './types'
export type { ChangesAnswer, PageChange } from './endpoints/changesHandler'
export { CHANGES_PAGE_MAX } from './endpoints/changesHandler'
export { recordPageChange } from './record'

/**
 * Pages fresh within seconds on every site process: each save or delete in
 * a source collection records the tags of the public pages it shows on, in
 * the change's own transaction; `GET /api/freshness/changes?since=` lists
 * them, and each site process drops the pages carrying them. Nothing is
 * kept in a CMS process, so any number of them may write and answer.
 */
export const freshnessPlugin =
  (input: FreshnessPluginOptions) =>
  (config: Config): Config => {
    const options = resolveFreshnessOptions(input)
    const withHooks = (collection: CollectionConfig): CollectionConfig => {
      const tagsOf = input.sources[collection.slug as keyof typeof input.sources]
      if (!tagsOf) {
        return collection
      }
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          afterChange: [...(hooks.afterChange ?? []), recordChange(tagsOf)],
          afterDelete: [...(hooks.afterDelete ?? []), recordDeletion(tagsOf)],
        },
      }
    }
    return {
      ...config,
      collections: [...(config.collections ?? []).map(withHooks), pageChangesCollection(options)],
      custom: { ...config.custom, freshness: options },
      endpoints: input.disabled
        ? config.endpoints
        : [
            ...(config.endpoints ?? []),
            { path: '/freshness/changes', method: 'get', handler: changesHandler },
          ],
    }
  }
