import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

export interface TestPayload {
  payload: Payload
  /** Destroys Payload and removes the test database and its files. */
  cleanup: () => Promise<void>
}

/**
 * Boots the real CMS config on a fresh database for one test file: a new
 * SQLite file in a temp folder by default, or a fresh database on the MongoDB
 * server named by TEST_DATABASE_URI (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0).
 * The config reads DATABASE_URI when it is first imported, so this must run
 * before anything imports `@exemplar/cms/config`.
 */
export async function bootPayload(name: string): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `exemplar-${name}-`))
  const mongo = process.env.TEST_DATABASE_URI
  const dbName = `exemplar_test_${name.replace(/\W/g, '_')}_${process.pid}`
  process.env.DATABASE_URI = mongo
    ? withDatabase(mongo, dbName)
    : `file:${path.join(dir, 'test.db')}`
  process.env.EXEMPLAR_DATA_DIR = dir
  process.env.PAYLOAD_SECRET = 'test-secret'
  const { default: config } = await import('@exemplar/cms/config')
  const payload = await getPayload({ config, key: name })
  return {
    payload,
    cleanup: async () => {
      if (mongo) {
        const connection = (
          payload.db as unknown as { connection?: { dropDatabase: () => Promise<unknown> } }
        ).connection
        await connection?.dropDatabase()
      }
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The same server URI with the database path replaced. */
function withDatabase(uri: string, dbName: string): string {
  const url = new URL(uri)
  url.pathname = `/${dbName}`
  return url.toString()
}
