import type { Payload } from 'payload'

import { mongoSearchStore } from './mongo'
import { sqliteSearchStore } from './sqlite'
import type { SearchStore } from './types'

const stores = new WeakMap<Payload, SearchStore>()

/** The index for the database Payload runs on (one per Payload instance). */
export function searchStoreOf(
  payload: Payload,
  names: { entries: string; votes: string },
): SearchStore {
  let store = stores.get(payload)
  if (!store) {
    const db = payload.db as unknown as { name?: string }
    store =
      db.name === 'sqlite'
        ? sqliteSearchStore(payload, names)
        : mongoSearchStore(payload.db as never, names)
    stores.set(payload, store)
  }
  return store
}
