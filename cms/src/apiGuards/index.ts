import type { CollectionConfig, Config, Payload, Plugin } from 'payload'

import { answerProblems } from './answerProblems'
import { answerUnreadableBody } from './answerUnreadableBody'
import { capPublicQueries } from './capPublicQueries'
import { checkWriteTypes } from './checkWriteTypes'
import { deleteOwnPreference } from './deleteOwnPreference'
import { refuseMalformedIds } from './refuseMalformedIds'
import { sanitizeWhere } from './sanitizeWhere'
import { noteTransactionOwner } from '../sqliteTransactions'
import type { CollectionBeforeOperationHook } from 'payload'

/** Not a guard: lets the SQLite write queue know which request holds a transaction. */
const noteOwner: CollectionBeforeOperationHook = ({ args, req }) => {
  noteTransactionOwner(req)
  return args
}

const guards = [noteOwner, refuseMalformedIds, checkWriteTypes, sanitizeWhere, capPublicQueries]

/**
 * What every collection's REST and GraphQL answers go through besides access:
 * malformed ids and the version routes of collections without versions answer
 * 404 instead of crashing the adapter, writes of the wrong JSON type are a 400
 * naming the field, conditions the adapter cannot run mean what they say,
 * public reads are bounded. Payload adds its own collections after
 * the plugins ran, so those get the guards when Payload starts.
 */
export const apiGuardsPlugin =
  (): Plugin =>
  (config: Config): Config => {
    const onInit = config.onInit
    return {
      ...config,
      hooks: {
        ...config.hooks,
        afterError: [...(config.hooks?.afterError ?? []), answerUnreadableBody, answerProblems],
      },
      collections: (config.collections ?? []).map((collection): CollectionConfig => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), ...guards],
        },
      })),
      onInit: async (payload) => {
        guardPayloadCollections(payload, new Set((config.collections ?? []).map((c) => c.slug)))
        for (const global of payload.config.globals) {
          if (!global.versions && Array.isArray(global.endpoints)) {
            global.endpoints = global.endpoints.filter((e) => !e.path.startsWith('/versions'))
          }
        }
        await onInit?.(payload)
      },
    }
  }

function guardPayloadCollections(payload: Payload, guarded: Set<string>): void {
  for (const [slug, collection] of Object.entries(payload.collections)) {
    // Payload mounts /versions on every collection; without versions it crashed the adapter.
    if (!collection.config.versions && Array.isArray(collection.config.endpoints)) {
      collection.config.endpoints = collection.config.endpoints.filter(
        (e) => !e.path.startsWith('/versions'),
      )
    }
    if (guarded.has(slug)) {
      continue
    }
    collection.config.hooks.beforeOperation = [
      ...(collection.config.hooks.beforeOperation ?? []),
      ...guards,
    ]
    if (slug === 'payload-preferences') {
      collection.config.endpoints = [
        deleteOwnPreference,
        ...(collection.config.endpoints || []).filter(
          (e) => !(e.method === 'delete' && e.path === '/:key'),
        ),
      ]
    }
  }
}
