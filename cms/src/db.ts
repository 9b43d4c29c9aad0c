import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { dataDir } from './env'
import { SQLITE_BUSY_TIMEOUT_MS, withSerializedTransactions } from './sqliteTransactions'

/** The database URI in force: `DATABASE_URI`, or the embedded SQLite file. */
export function databaseUri(): string {
  return process.env.DATABASE_URI || `file:${path.join(dataDir, 'exemplar.db')}`
}

export function isMongoUri(uri: string): boolean {
  return uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')
}

/** `file:./data/x.db`, `file:///abs/x.db` → the file's path. */
export function sqliteFile(uri: string): string {
  if (uri.startsWith('file://')) {
    return new URL(uri).pathname
  }
  return uri.replace(/^file:/, '').split('?')[0] ?? uri
}

/**
 * `mongodb://…` selects MongoDB, the production engine. Payload turns
 * transactions off by itself when the server is not a replica set, which is
 * why docker-compose runs a single-node replica set. Anything else is SQLite.
 */
export function databaseAdapter(uri = databaseUri()): DatabaseAdapterObj {
  if (isMongoUri(uri)) {
    return mongooseAdapter({ url: uri })
  }
  const file = sqliteFile(uri)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // WAL lets readers run beside the writer; NORMAL sync in WAL mode survives a
  // killed process (only a power cut can lose the last commits). The busy
  // timeout waits for the writer instead of failing with SQLITE_BUSY.
  // `transactionOptions` turns transactions on: without it the adapter runs
  // every operation's writes one by one, and a failure halfway keeps the half.
  return withSerializedTransactions(
    sqliteAdapter({
      client: { url: uri },
      wal: { synchronous: 'NORMAL' },
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      transactionOptions: {},
    }),
    file,
  )
}
