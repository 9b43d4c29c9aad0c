import { AsyncLocalStorage } from 'node:async_hooks'
import path from 'node:path'

import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/** How long a write waits for another process's lock (the vote writer thread, a second CMS). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000
/** How long a write waits for this process's previous transaction before it fails loudly. */
export const TRANSACTION_QUEUE_TIMEOUT_MS = 30_000

type Id = number | string
type Release = () => void

/**
 * One writer at a time in this process, in arrival order.
 *
 * libsql runs SQLite synchronously on the main thread and every transaction
 * is BEGIN IMMEDIATE. A second writer of the same process would then wait
 * for the write lock inside SQLite — blocking the very event loop the first
 * one needs to finish — and fail after the busy timeout (we saw both: a
 * SQLITE_BUSY at once, and a connection whose failed write left a stale read
 * snapshot behind). Queuing writers in JavaScript leaves SQLite's busy wait
 * only for locks held by other threads and processes, which do progress.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve()

  acquire(timeoutMs = TRANSACTION_QUEUE_TIMEOUT_MS): Promise<Release> {
    let release!: Release
    const turn = new Promise<void>((resolve) => {
      release = resolve
    })
    const previous = this.tail
    this.tail = previous.then(() => turn)
    return new Promise<Release>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Give the turn up when it comes, so the writers behind us move on.
        void previous.then(release)
        reject(
          new Error(
            `SQLite: waited ${timeoutMs} ms for this process's previous write; ` +
              'a Local API write inside a hook probably omitted `req`',
          ),
        )
      }, timeoutMs)
      timer.unref()
      void previous.then(() => {
        clearTimeout(timer)
        resolve(release)
      })
    })
  }
}

interface LibsqlClient {
  transaction: (mode?: string) => Promise<unknown>
}

/** The adapter's writes that do not go through a transaction when called without one. */
const DIRECT_WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/**
 * Transactions run on one connection of their own, opened once: libsql would
 * otherwise hand its connection to each transaction, open a new one without
 * the adapter's PRAGMAs for the next query, and never close the old one.
 * Only one transaction is open at a time (the queue), so one connection does.
 */
function dedicatedTransactions(client: LibsqlClient, file: string, intMode: string): void {
  let db: Database.Database | undefined
  client.transaction = async () => {
    db ??= openWriter(file)
    db.exec('BEGIN IMMEDIATE')
    return new Sqlite3Transaction(db as never, intMode as never)
  }
}

function openWriter(file: string): Database.Database {
  const db = new Database(file)
  db.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
  db.exec('PRAGMA synchronous = NORMAL')
  return db
}

/** What the adapter offers `noteTransactionOwner`; absent on adapters that need no queue. */
interface OwnerNotes {
  exemplarNoteOwner?: (req: { context?: object; transactionID?: unknown }) => void
}

/**
 * Remembers which request holds a transaction (by its `context`, which a
 * copy of the request shares), for writes it makes outside that transaction.
 * Payload's forgot-password does: it reserves the reset with a write on a
 * request copy whose transaction is cleared, while holding its own — which
 * would otherwise wait for itself in the queue. Called from a beforeOperation
 * hook on every collection (apiGuards).
 */
export function noteTransactionOwner(req: {
  payload: { db: unknown }
  context?: object
  transactionID?: unknown
}): void {
  ;(req.payload.db as OwnerNotes).exemplarNoteOwner?.(req)
}

/**
 * The queues of this process, one per database file. Two Payload instances
 * on one file in one process (a second `getPayload` key; Payload's GraphQL
 * route asks for the default one) must share it: with a queue each, one
 * instance's BEGIN IMMEDIATE busy-waits on the main thread for the lock the
 * other holds, which cannot commit until the wait gives up ("database is
 * locked" after the busy timeout).
 */
const queues = new Map<string, WriteQueue>()

export function writeQueueFor(file: string): WriteQueue {
  const key = path.resolve(file)
  let queue = queues.get(key)
  if (!queue) {
    queue = new WriteQueue()
    queues.set(key, queue)
  }
  return queue
}

function serialize(adapter: BaseDatabaseAdapter, file: string): BaseDatabaseAdapter {
  const queue = writeQueueFor(file)
  const holdingTurn = new AsyncLocalStorage<true>()
  const holders = new Map<Id, Release>()
  const owners = new WeakMap<object, Id>()
  ;(adapter as OwnerNotes).exemplarNoteOwner = (req) => {
    const id = req.transactionID
    if (req.context && (typeof id === 'string' || typeof id === 'number') && holders.has(id)) {
      owners.set(req.context, id)
    }
  }
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)
  const connect = adapter.connect?.bind(adapter)

  const finish = async (end: typeof commit, incoming: Parameters<typeof commit>[0]) => {
    const id = await incoming
    try {
      await end(id)
    } finally {
      holders.get(id)?.()
      holders.delete(id)
    }
  }
  adapter.beginTransaction = async (options) => {
    const release = await queue.acquire()
    try {
      const id = await begin(options)
      if (id === null || id === undefined) {
        release()
      } else {
        holders.set(id, release)
      }
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  adapter.commitTransaction = (id) => finish(commit, id)
  adapter.rollbackTransaction = (id) => finish(rollback, id)

  const methods = adapter as unknown as Record<string, unknown>
  for (const name of DIRECT_WRITES) {
    const write = methods[name]
    if (typeof write !== 'function') {
      continue
    }
    methods[name] = async (args: { req?: { transactionID?: unknown; context?: object } }) => {
      if (args?.req?.transactionID) {
        return write.call(adapter, args)
      }
      // A write outside its own request's open transaction joins it: it could not run
      // beside it (one writer), and waiting for it would wait for itself.
      const owned = args?.req?.context ? owners.get(args.req.context) : undefined
      if (owned !== undefined && holders.has(owned)) {
        const req = new Proxy(args.req!, {
          get: (target, key) => (key === 'transactionID' ? owned : Reflect.get(target, key)),
        })
        return write.call(adapter, { ...args, req })
      }
      // The adapter's writes call each other (upsert is updateOne): the inner call already has the turn.
      if (holdingTurn.getStore()) {
        return write.call(adapter, args)
      }
      const release = await queue.acquire()
      try {
        return await holdingTurn.run(true, () => write.call(adapter, args))
      } finally {
        release()
      }
    }
  }

  if (connect) {
    adapter.connect = async (options) => {
      await connect(options)
      const self = adapter as unknown as {
        client?: LibsqlClient & { exemplarWriter?: true }
        clientConfig?: { intMode?: string }
      }
      if (self.client && !self.client.exemplarWriter) {
        dedicatedTransactions(self.client, file, self.clientConfig?.intMode ?? 'number')
        self.client.exemplarWriter = true
      }
    }
  }
  return adapter
}

/** Payload's SQLite adapter with its transactions made safe to use from one Node process. */
export function withSerializedTransactions(
  obj: DatabaseAdapterObj,
  file: string,
): DatabaseAdapterObj {
  return { ...obj, init: (args) => serialize(obj.init(args), file) }
}
