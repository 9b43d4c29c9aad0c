import Database from 'libsql'

import type {
  CastInput,
  CastOutcome,
  CodeAttempt,
  Id,
  IntegrityQuery,
  IntegrityReport,
  LeaderboardQuery,
  LeaderboardRow,
  RecountReport,
  SeriesPoint,
  VoteStore,
} from './types'
import type { BoardFields } from '../types'
import { sqliteVoteWriter } from './sqliteWriter'

/** Column names Payload's SQLite adapter derives from the field names. */
export interface SqliteNames {
  entries: string
  campaigns: string
  tally: string
  board: BoardFields
}

type Arg = string | number | null
type Row = Record<string, unknown>
type Statement = Database.Statement<Arg[]>

const snake = (name: string) =>
  name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_')

function isBusy(error: unknown): boolean {
  const code = (error as { rawCode?: number }).rawCode ?? 0
  return (code & 0xff) === 5 || (code & 0xff) === 6
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `file:./data/x.db`, `file:///abs/x.db` → a file path. */
export function sqlitePath(url: string): string {
  if (url.startsWith('file://')) {
    return new URL(url).pathname
  }
  return url.replace(/^file:/, '').split('?')[0] ?? url
}

/**
 * SQLite: the vote path's own synchronous connection through `libsql` — the
 * very native library Payload's adapter loads (one copy of SQLite per
 * process: two copies on one file break each other's POSIX locks and corrupt
 * it, which we saw with node:sqlite) — with prepared statements kept for the
 * process's life. Not through @libsql/client: it re-prepares every statement
 * and grew by ~12 kB per statement in our measurements, at a seventh of the
 * speed. Writes use `run()` and reads `get()`, never RETURNING: libsql 0.4
 * leaks native memory on statements that write and return rows.
 *
 * Vote batches are cast on a writer thread (sqliteWriter.ts), each inside
 * BEGIN IMMEDIATE … COMMIT. The busy timeout stays 0 on both connections:
 * when Payload's connection (an editor saving in the admin) holds the write
 * lock, the work is retried after a short sleep; a busy wait inside SQLite
 * on this thread would stop that very writer.
 */
export function sqliteVoteStore(url: string, collections: SqliteNames): VoteStore {
  const file = sqlitePath(url)
  const db = new Database(file)
  db.exec('PRAGMA busy_timeout = 0')
  // WAL with synchronous=NORMAL: a commit reaches the OS before the vote is
  // acknowledged, so a killed process loses nothing; only a power cut can take
  // the last commits. FULL put an fsync on every batch (17 % of the vote path).
  db.exec('PRAGMA synchronous = NORMAL')
  const entries = snake(collections.entries)
  const tally = snake(collections.tally)
  // Payload's SQLite columns: a relationship `organization` is `organization_id`.
  const board = collections.board
  const orgJoin = board.organization
    ? `LEFT JOIN ${snake(board.organization.collection)} o ON o.id = e.${snake(board.organization.field)}_id`
    : ''
  const orgId = board.organization ? `e.${snake(board.organization.field)}_id` : 'NULL'
  const orgName = board.organization ? `o.${snake(board.organization.nameField)}` : 'NULL'
  const province = board.province ? `e.${snake(board.province)}` : 'NULL'
  // Votes are written on their own thread; this connection reads, and runs
  // the rare editor-side writes (recount fixes, flags, voids).
  const writer = sqliteVoteWriter(file, { entries, tally })
  const statements = new Map<string, Statement>()
  const statement = (sql: string) => {
    let prepared = statements.get(sql)
    if (!prepared) {
      prepared = db.prepare<Arg[]>(sql)
      statements.set(sql, prepared)
    }
    return prepared
  }

  async function retrying<T>(work: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return work()
      } catch (error) {
        if (!isBusy(error) || attempt >= 200) {
          throw error
        }
        await sleep(Math.min(2 + attempt, 25))
      }
    }
  }

  /** Runs `work` in one write transaction, retried as a whole while the database is busy. */
  function write<T>(work: () => T): Promise<T> {
    return retrying(() => {
      statement('BEGIN IMMEDIATE').run()
      try {
        const result = work()
        statement('COMMIT').run()
        return result
      } catch (error) {
        if (db.inTransaction) {
          statement('ROLLBACK').run()
        }
        throw error
      }
    })
  }

  const all = (sql: string, args: Arg[] = []) => statement(sql).all(...args) as Row[]
  const read = (sql: string, args: Arg[] = []) => retrying(() => ({ rows: all(sql, args) }))

  const num = (value: unknown) => Number(value ?? 0)

  return {
    cast(batch: CastInput[]): Promise<CastOutcome[]> {
      return writer.cast(batch)
    },

    async leaderboard(q: LeaderboardQuery): Promise<LeaderboardRow[]> {
      const states = q.rankedStates.map(() => '?').join(', ')
      const filters: string[] = ['e.campaign_id = ?', `e.status IN (${states})`]
      const args: (string | number | null)[] = [q.campaignId as number, ...q.rankedStates]
      if (q.track && board.track) {
        filters.push(`e.${snake(board.track)} = ?`)
        args.push(q.track)
      }
      if (q.themeId !== undefined && board.theme) {
        filters.push(`e.${snake(board.theme)}_id = ?`)
        args.push(q.themeId as number)
      }
      // A delayed display counts the vote records up to the cut-off; otherwise the tally column is the count.
      const votes = q.before
        ? `(SELECT count(*) FROM votes v WHERE v.entry_id = e.id AND v.state != 'voided' AND v.created_at < ?)`
        : `coalesce(e.${tally}, 0)`
      const voteArgs = q.before ? [q.before.toISOString()] : []
      const where = filters.join(' AND ')
      if (q.by === 'entry') {
        const rs = await read(
          `SELECT e.id, e.number, e.title, ${province} AS province, ${orgName} AS organization, ${votes} AS votes
           FROM ${entries} e ${orgJoin}
           WHERE ${where} ORDER BY votes DESC, e.id ASC LIMIT ?`,
          [...voteArgs, ...args, q.limit],
        )
        return rs.rows.map((r) => ({
          key: String(r.id),
          label: String(r.title ?? ''),
          votes: num(r.votes),
          entryId: r.id as number,
          number: (r.number as string | null) ?? null,
          organization: (r.organization as string | null) ?? null,
          province: (r.province as string | null) ?? null,
        }))
      }
      const group = q.by === 'organization' ? orgId : province
      const label =
        q.by === 'organization'
          ? `coalesce(${orgName}, '个人作者')`
          : `coalesce(${province}, '未填写')`
      const rs = await read(
        `SELECT ${group} AS grp, ${label} AS label, sum(${votes}) AS votes
         FROM ${entries} e ${orgJoin}
         WHERE ${where} GROUP BY grp ORDER BY votes DESC, label ASC LIMIT ?`,
        [...voteArgs, ...args, q.limit],
      )
      return rs.rows.map((r) => ({
        key: String(r.grp ?? 'none'),
        label: String(r.label),
        votes: num(r.votes),
      }))
    },

    async series(campaignId: Id, entryIds: Id[]): Promise<SeriesPoint[]> {
      if (entryIds.length === 0) {
        return []
      }
      const rs = await read(
        `SELECT entry_id, substr(created_at, 1, 13) AS hour, count(*) AS votes FROM votes
         WHERE campaign_id = ? AND state != 'voided' AND entry_id IN (${entryIds.map(() => '?').join(', ')})
         GROUP BY entry_id, hour ORDER BY hour`,
        [campaignId as number, ...(entryIds as number[])],
      )
      return rs.rows.map((r) => ({
        entryId: r.entry_id as number,
        hour: `${String(r.hour)}:00:00.000Z`,
        votes: num(r.votes),
      }))
    },

    async recount(campaignId?: Id): Promise<RecountReport> {
      const scope = campaignId === undefined ? '' : 'WHERE e.campaign_id = ?'
      const args = campaignId === undefined ? [] : [campaignId as number]
      const rs = await read(
        `SELECT e.id, coalesce(e.${tally}, 0) AS stored,
                (SELECT count(*) FROM votes v WHERE v.entry_id = e.id AND v.state != 'voided') AS actual
         FROM ${entries} e ${scope}`,
        args,
      )
      const fixed = rs.rows
        .filter((r) => num(r.stored) !== num(r.actual))
        .map((r) => ({ entryId: r.id as number, stored: num(r.stored), actual: num(r.actual) }))
      if (fixed.length > 0) {
        // Recomputed inside the write so votes cast meanwhile are not lost.
        const fix = statement(
          `UPDATE ${entries} SET ${tally} = (SELECT count(*) FROM votes v WHERE v.entry_id = ?1 AND v.state != 'voided') WHERE id = ?1`,
        )
        await write(() => fixed.forEach((f) => fix.run(f.entryId as number)))
      }
      return { checked: rs.rows.length, fixed }
    },

    async integrity(q: IntegrityQuery): Promise<IntegrityReport> {
      const c = q.campaignId as number
      const [bursts, ips, devices, spikes, states] = await Promise.all([
        read(
          `SELECT entry_id, substr(created_at, 1, 16) AS minute, count(*) AS votes FROM votes
           WHERE campaign_id = ? GROUP BY entry_id, minute HAVING votes >= ? ORDER BY votes DESC LIMIT 100`,
          [c, q.burstPerMinute],
        ),
        read(
          `SELECT ip_hash, count(DISTINCT voter_id) AS voters, count(*) AS votes FROM votes
           WHERE campaign_id = ? GROUP BY ip_hash HAVING voters >= ? ORDER BY voters DESC LIMIT 100`,
          [c, q.clusterVoters],
        ),
        read(
          `SELECT device_hash, count(DISTINCT voter_id) AS voters, count(*) AS votes FROM votes
           WHERE campaign_id = ? GROUP BY device_hash HAVING voters >= ? ORDER BY voters DESC LIMIT 100`,
          [c, q.clusterVoters],
        ),
        read(
          `SELECT v.entry_id, substr(v.created_at, 1, 13) AS hour, count(*) AS votes FROM votes v
           JOIN voters r ON r.id = v.voter_id
           WHERE v.campaign_id = ? AND substr(r.created_at, 1, 13) = substr(v.created_at, 1, 13)
           GROUP BY v.entry_id, hour HAVING votes >= ? ORDER BY votes DESC LIMIT 100`,
          [c, q.newVoterSpike],
        ),
        read(`SELECT state, count(*) AS n FROM votes WHERE campaign_id = ? GROUP BY state`, [c]),
      ])
      const stateCount = (s: string) => num(states.rows.find((r) => r.state === s)?.n)
      return {
        bursts: bursts.rows.map((r) => ({
          entryId: r.entry_id as number,
          minute: String(r.minute),
          votes: num(r.votes),
        })),
        ipClusters: ips.rows.map((r) => ({
          ipHash: String(r.ip_hash),
          voters: num(r.voters),
          votes: num(r.votes),
        })),
        deviceClusters: devices.rows.map((r) => ({
          deviceHash: String(r.device_hash),
          voters: num(r.voters),
          votes: num(r.votes),
        })),
        newVoterSpikes: spikes.rows.map((r) => ({
          entryId: r.entry_id as number,
          hour: String(r.hour),
          votes: num(r.votes),
        })),
        flagged: stateCount('flagged'),
        voided: stateCount('voided'),
      }
    },

    async flag(q: IntegrityQuery): Promise<number> {
      const c = q.campaignId as number
      const byDevice = statement(
        `UPDATE votes SET state = 'flagged', flag_reason = '同一设备多人投票' WHERE campaign_id = ?1 AND state = 'counted' AND device_hash IN
         (SELECT device_hash FROM votes WHERE campaign_id = ?1 GROUP BY device_hash HAVING count(DISTINCT voter_id) >= ?2)`,
      )
      const byBurst = statement(
        `UPDATE votes SET state = 'flagged', flag_reason = '短时集中投票' WHERE campaign_id = ?1 AND state = 'counted' AND (entry_id, substr(created_at, 1, 16)) IN
         (SELECT entry_id, substr(created_at, 1, 16) FROM votes WHERE campaign_id = ?1 GROUP BY entry_id, substr(created_at, 1, 16) HAVING count(*) >= ?2)`,
      )
      return write(
        () =>
          Number(byDevice.run(c, q.clusterVoters).changes) +
          Number(byBurst.run(c, q.burstPerMinute).changes),
      )
    },

    async voidVote(voteId: Id): Promise<boolean> {
      const voidIt = statement(
        `UPDATE votes SET state = 'voided', updated_at = ? WHERE id = ? AND state != 'voided'`,
      )
      const drop = statement(
        `UPDATE ${entries} SET ${tally} = max(coalesce(${tally}, 0) - 1, 0) WHERE id = (SELECT entry_id FROM votes WHERE id = ?)`,
      )
      return write(() => {
        const voided = voidIt.run(new Date().toISOString(), voteId as number).changes > 0
        if (voided) {
          drop.run(voteId as number)
        }
        return voided
      })
    },

    async consumeCodeAttempt(
      addressHash: string,
      now: Date,
      maxAttempts: number,
    ): Promise<CodeAttempt | null> {
      const newest = statement(
        `SELECT id, code_hash, coalesce(attempts, 0) AS attempts FROM vote_codes
         WHERE address_hash = ? AND expires_at > ? ORDER BY created_at DESC, id DESC LIMIT 1`,
      )
      // The condition is the guard: however many guesses race (in this process
      // or another), the row moves past maxAttempts never. run() and a read in
      // the same transaction rather than RETURNING, for the leak noted above.
      const take = statement(
        `UPDATE vote_codes SET attempts = coalesce(attempts, 0) + 1
         WHERE id = ? AND coalesce(attempts, 0) < ?`,
      )
      return write(() => {
        const row = newest.get(addressHash, now.toISOString()) as Row | undefined
        if (!row || take.run(row.id as number, maxAttempts).changes === 0) {
          return null
        }
        return {
          id: row.id as number,
          codeHash: String(row.code_hash),
          attempts: num(row.attempts) + 1,
        }
      })
    },

    async countVotes(campaignId?: Id): Promise<Map<string, number>> {
      const rs = await read(
        `SELECT entry_id, count(*) AS n FROM votes WHERE state != 'voided' ${campaignId === undefined ? '' : 'AND campaign_id = ?'} GROUP BY entry_id`,
        campaignId === undefined ? [] : [campaignId as number],
      )
      return new Map(rs.rows.map((r) => [String(r.entry_id), num(r.n)]))
    },

    async close() {
      await writer.close()
      db.close()
    },
  }
}
