import type { Payload } from 'payload'

import type { ResolvedVotingOptions } from '../types'
import { mongoVoteStore } from './mongo'
import { sqliteVoteStore } from './sqlite'
import type { VoteStore } from './types'

/** The vote store for the database Payload runs on: SQLite's own connection, else MongoDB's. */
export function voteStoreFor(payload: Payload, options: ResolvedVotingOptions): VoteStore {
  const db = payload.db as unknown as { name?: string; clientConfig?: { url: string } }
  const names = { entries: options.entries, tally: options.tallyField, board: options.boardFields }
  return db.name === 'sqlite' && db.clientConfig
    ? sqliteVoteStore(db.clientConfig.url, { ...names, campaigns: options.campaigns })
    : mongoVoteStore(payload.db as never, names)
}
