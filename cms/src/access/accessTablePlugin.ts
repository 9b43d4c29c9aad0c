import type { CollectionConfig, Config, Payload, Plugin } from 'payload'

import { accessFor, FROM_ACCESS_TABLE, globalAccessFor } from './accessFor'
import { forceOwnLock } from './forceOwnLock'
import { ACCESS_TABLE } from './table'

const LOCKS = 'payload-locked-documents'

const builtFromTable = (collection: Pick<CollectionConfig, 'access' | 'slug'>) =>
  (collection.access as Record<symbol, unknown> | undefined)?.[FROM_ACCESS_TABLE] ===
  collection.slug

/**
 * Applies the access table to what the collections' own files did not build
 * from it (the plugins' collections, the globals, and, once Payload has added
 * them, its own collections), puts the public query caps on every collection,
 * and refuses to boot while a collection has no row or a row names nothing.
 * Listed last, after every plugin that adds collections.
 */
export const accessTablePlugin =
  (): Plugin =>
  (config: Config): Config => {
    const collections = (config.collections ?? []).map((collection): CollectionConfig => ({
      ...collection,
      access: builtFromTable(collection)
        ? collection.access
        : accessFor(collection.slug, Boolean(collection.auth)),
    }))
    const globals = (config.globals ?? []).map((global) => ({
      ...global,
      access: globalAccessFor(global.slug),
    }))
    const onInit = config.onInit
    return {
      ...config,
      collections,
      globals,
      onInit: async (payload) => {
        applyToPayloadCollections(payload)
        await onInit?.(payload)
      },
    }
  }

/** Payload adds its own collections while it sanitizes the config, after every plugin ran. */
function applyToPayloadCollections(payload: Payload): void {
  const slugs = Object.keys(payload.collections)
  for (const slug of slugs) {
    const config = payload.collections[slug as keyof typeof payload.collections]!.config
    if (!builtFromTable(config as unknown as CollectionConfig)) {
      Object.assign(config.access, accessFor(slug, Boolean(config.auth)))
    }
    if (slug === LOCKS) {
      config.hooks.beforeChange = [...(config.hooks.beforeChange ?? []), forceOwnLock]
    }
  }
  const unknown = Object.keys(ACCESS_TABLE.collections).filter((slug) => !slugs.includes(slug))
  if (unknown.length > 0) {
    throw new Error(`access table: rows for collections that do not exist: ${unknown.join(', ')}`)
  }
  const configured = new Set(Object.keys(ACCESS_TABLE.globals))
  for (const global of payload.config.globals) {
    // Payload adds some globals itself (jobs stats) after the plugins ran.
    global.access = { ...global.access, ...globalAccessFor(global.slug) }
    configured.delete(global.slug)
  }
  if (configured.size > 0) {
    throw new Error(
      `access table: rows for globals that do not exist: ${[...configured].join(', ')}`,
    )
  }
}
