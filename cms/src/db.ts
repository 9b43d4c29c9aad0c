import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { dataDir } from './env'

/** The database URI in force: `DATABASE_URI`, or the embedded SQLite file. */
export function databaseUri(): string {
  return process.env.DATABASE_URI || `file:${path.join(dataDir, 'exemplar.db')}`
}

export function isMongoUri(uri: string): boolean {
  return uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')
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
  if (uri.startsWith('file:')) {
    fs.mkdirSync(path.dirname(uri.slice('file:'.length)), { recursive: true })
  }
  // WAL lets readers run beside the writer; NORMAL sync in WAL mode survives a
  // killed process (only a power cut can lose the last commits). The busy
  // timeout waits for the writer instead of failing with SQLITE_BUSY.
  return sqliteAdapter({
    client: { url: uri },
    wal: { synchronous: 'NORMAL' },
    busyTimeout: 5000,
  })
}
