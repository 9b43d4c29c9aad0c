import { Worker } from 'node:worker_threads'

import type { CastInput, CastOutcome } from './types'

/**
 * The SQLite vote writer on a thread of its own. Under a burst the inserts
 * and their five index updates were 40 % of the main thread's time; here they
 * run beside it, so the main thread parses the next requests while a batch
 * commits. A vote is still acknowledged only after its batch's COMMIT.
 *
 * The worker's code is a string, evaluated as CommonJS: the plugin is also
 * bundled by Next, and a bundler rewrites `require` in anything it can see.
 * It loads `libsql` — the very native library Payload's adapter loads, so
 * the process keeps one copy of SQLite — resolved from the working directory
 * (`cms/` in production, the repository root in tests; both reach the
 * workspace's node_modules).
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const Database = require('libsql')
const { path, entries, tally } = workerData

const db = new Database(path)
db.exec('PRAGMA busy_timeout = 0')
db.exec('PRAGMA synchronous = NORMAL')

const begin = db.prepare('BEGIN IMMEDIATE')
const commit = db.prepare('COMMIT')
const rollback = db.prepare('ROLLBACK')
// The slot is the number of this voter's votes for this entry today; the
// WHERE refuses a vote past the per-entry limit or the daily cap, the unique
// indexes refuse a duplicate or a replayed idempotency key.
const insert = db.prepare(
  "INSERT INTO votes (entry_id, campaign_id, voter_id, day, slot, idempotency_key, ip_hash, device_hash, session, state, created_at, updated_at) " +
  "SELECT ?1, ?2, ?3, ?4, (SELECT count(*) FROM votes WHERE voter_id = ?3 AND entry_id = ?1 AND day = ?4), ?5, ?6, ?7, ?8, 'counted', ?9, ?9 " +
  "WHERE (SELECT count(*) FROM votes WHERE voter_id = ?3 AND entry_id = ?1 AND day = ?4) < ?10 " +
  "AND (?11 = 0 OR (SELECT count(*) FROM votes WHERE voter_id = ?3 AND campaign_id = ?2 AND day = ?4 AND state != 'voided') < ?11) " +
  "ON CONFLICT DO NOTHING",
)
// The common rule — one vote per entry per day, no daily cap — needs no
// counting: the unique index alone refuses the second vote.
const insertOnce = db.prepare(
  "INSERT INTO votes (entry_id, campaign_id, voter_id, day, slot, idempotency_key, ip_hash, device_hash, session, state, created_at, updated_at) " +
  "VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 'counted', ?, ?) ON CONFLICT DO NOTHING",
)
const bump = db.prepare('UPDATE ' + entries + ' SET ' + tally + ' = coalesce(' + tally + ', 0) + 1 WHERE id = ?')
const current = db.prepare('SELECT coalesce(' + tally + ', 0) AS tally FROM ' + entries + ' WHERE id = ?')
const today = db.prepare("SELECT count(*) AS today FROM votes WHERE voter_id = ? AND campaign_id = ? AND day = ? AND state != 'voided'")

const pause = new Int32Array(new SharedArrayBuffer(4))
const isBusy = (error) => { const code = (error && error.rawCode) || 0; return (code & 0xff) === 5 || (code & 0xff) === 6 }

function castAll(batch) {
  begin.run()
  try {
    const out = batch.map((v) => {
      const common = [v.entryId, v.campaignId, v.voterId, v.day, v.idempotencyKey, v.ipHash, v.deviceHash, v.session, v.at]
      const counted = (v.perEntryPerDay === 1 && v.dailyCap === 0
        ? insertOnce.run(...common, v.at)
        : insert.run(...common, v.perEntryPerDay, v.dailyCap)).changes > 0
      if (counted) bump.run(v.entryId)
      const row = current.get(v.entryId)
      // Without a daily cap nobody reads today's count: skip the index scan.
      const count = v.dailyCap > 0 ? today.get(v.voterId, v.campaignId, v.day) : undefined
      return { counted, tally: Number((row && row.tally) || 0), todayCount: Number((count && count.today) || 0) }
    })
    commit.run()
    return out
  } catch (error) {
    if (db.inTransaction) rollback.run()
    throw error
  }
}

parentPort.on('message', (message) => {
  if (message.close) {
    db.close()
    parentPort.close()
    return
  }
  // Busy while Payload's connection (an editor saving) holds the write lock:
  // wait a little and retry the whole batch. Blocking is fine on this thread.
  for (let attempt = 0; ; attempt++) {
    try {
      parentPort.postMessage({ id: message.id, outcomes: castAll(message.batch) })
      return
    } catch (error) {
      if (!isBusy(error) || attempt >= 200) {
        parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code, rawCode: error && error.rawCode } })
        return
      }
      Atomics.wait(pause, 0, 0, Math.min(2 + attempt, 25))
    }
  }
})
`

type WireInput = Omit<CastInput, 'at'> & { at: string }

interface Reply {
  id: number
  outcomes?: CastOutcome[]
  error?: { message: string; code?: string; rawCode?: number }
}

export interface SqliteVoteWriter {
  cast(batch: CastInput[]): Promise<CastOutcome[]>
  close(): Promise<void>
}

export function sqliteVoteWriter(
  path: string,
  names: { entries: string; tally: string },
): SqliteVoteWriter {
  const waiting = new Map<
    number,
    { resolve: (o: CastOutcome[]) => void; reject: (e: Error) => void }
  >()
  let next = 0
  let closed = false
  const failAll = (error: Error) => {
    for (const w of waiting.values()) {
      w.reject(error)
    }
    waiting.clear()
  }
  // Started by the first vote: a CMS outside any voting window, a seed run or
  // a script never pays for the thread (a V8 isolate, ~12 MB resident).
  let started: Worker | undefined
  const thread = (): Worker => {
    if (started) {
      return started
    }
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, ...names } })
    worker.on('message', (reply: Reply) => {
      const w = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (waiting.size === 0) {
        // An idle writer must not keep a finished process (a test, a script) alive.
        worker.unref()
      }
      if (!w) {
        return
      }
      if (reply.error) {
        w.reject(Object.assign(new Error(reply.error.message), reply.error))
      } else {
        w.resolve(reply.outcomes!)
      }
    })
    worker.on('error', (error) => failAll(error))
    // A thread that dies fails the votes it held (their requests get a 500,
    // nothing was acknowledged); the next vote starts a fresh one.
    worker.on('exit', (code) => {
      failAll(new Error(`the vote writer thread stopped (exit ${code})`))
      if (started === worker) {
        started = undefined
      }
    })
    started = worker
    return worker
  }
  return {
    cast(batch) {
      if (closed) {
        return Promise.reject(new Error('the vote writer is closed'))
      }
      const worker = thread()
      const id = ++next
      const wire: WireInput[] = batch.map((v) => ({ ...v, at: v.at.toISOString() }))
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        // Held while a batch is out, so a pending vote keeps the process up.
        worker.ref()
        worker.postMessage({ id, batch: wire })
      })
    },
    async close() {
      closed = true
      const worker = started
      if (!worker) {
        return
      }
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.ref()
      worker.postMessage({ close: true })
      await exited
    },
  }
}
