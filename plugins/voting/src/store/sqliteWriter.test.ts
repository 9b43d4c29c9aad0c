import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { afterEach, describe, expect, it } from 'vitest'

import { sqliteVoteWriter, type SqliteVoteWriter } from './sqliteWriter'
import type { CastInput } from './types'

/** The columns the writer touches, as Payload's SQLite adapter names them. */
function voteDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-writer-'))
  const file = path.join(dir, 'votes.db')
  const db = new Database(file)
  db.exec(`PRAGMA journal_mode = WAL;
    CREATE TABLE entries (id integer PRIMARY KEY, vote_count numeric);
    CREATE TABLE votes (id integer PRIMARY KEY, entry_id integer NOT NULL REFERENCES entries(id),
      campaign_id integer NOT NULL, voter_id integer NOT NULL, day text NOT NULL, slot numeric NOT NULL,
      idempotency_key text, ip_hash text, device_hash text, session text, state text NOT NULL,
      created_at text NOT NULL, updated_at text NOT NULL);
    CREATE UNIQUE INDEX voter_entry_day_slot ON votes (voter_id, entry_id, day, slot);
    INSERT INTO entries (id, vote_count) VALUES (1, 0), (2, 0);`)
  db.close()
  return file
}

const vote = (voterId: number, entryId: number): CastInput => ({
  entryId,
  campaignId: 1,
  voterId,
  day: '2026-07-01',
  idempotencyKey: null,
  ipHash: 'ip',
  deviceHash: 'device',
  session: '',
  perEntryPerDay: 1,
  dailyCap: 0,
  at: new Date('2026-07-01T02:00:00Z'),
})

let writer: SqliteVoteWriter | undefined

afterEach(async () => {
  await writer?.close()
})

describe('the SQLite vote writer thread', () => {
  it('counts a vote once, answers the duplicate with the same tally', async () => {
    writer = sqliteVoteWriter(voteDatabase(), { entries: 'entries', tally: 'vote_count' })
    const outcomes = await writer.cast([vote(7, 1), vote(7, 1), vote(8, 1)])
    expect(outcomes).toEqual([
      { counted: true, tally: 1, todayCount: 0 },
      { counted: false, tally: 1, todayCount: 0 },
      { counted: true, tally: 2, todayCount: 0 },
    ])
  })

  it('rejects a batch that breaks a constraint, writes none of it, and keeps writing', async () => {
    const file = voteDatabase()
    writer = sqliteVoteWriter(file, { entries: 'entries', tally: 'vote_count' })
    await expect(writer.cast([vote(7, 2), vote(7, 99)])).rejects.toThrow(/FOREIGN KEY/)
    const db = new Database(file)
    expect(db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 0 })
    expect(await writer.cast([vote(7, 2)])).toEqual([{ counted: true, tally: 1, todayCount: 0 }])
    expect(db.prepare('SELECT vote_count AS n FROM entries WHERE id = 2').get()).toEqual({ n: 1 })
    db.close()
  })

  it('refuses votes once closed', async () => {
    writer = sqliteVoteWriter(voteDatabase(), { entries: 'entries', tally: 'vote_count' })
    await writer.cast([vote(1, 1)])
    await writer.close()
    await expect(writer.cast([vote(2, 1)])).rejects.toThrow('the vote writer is closed')
  })
})
