import { createClient, type Client, type InStatement, type ResultSet } from '@libsql/client'

import type {
  CastInput,
  CastOutcome,
  Id,
  IntegrityQuery,
  IntegrityReport,
  LeaderboardQuery,
  LeaderboardRow,
  RecountReport,
  SeriesPoint,
  VoteStore,
} from './types'

/** Column names Payload's SQLite adapter derives from the field names. */
export interface SqliteNames {
  entries: string
  campaigns: string
  tally: string
}

const snake = (name: string) =>
  name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_')

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string; rawCode?: number })?.code ?? ''
  return code.startsWith('SQLITE_BUSY') || (error as { rawCode?: number })?.rawCode === 5
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * SQLite: a dedicated connection for the vote path. A batch runs
 * synchronously inside one BEGIN IMMEDIATE … COMMIT, so nothing else in this
 * process interleaves with it; when another connection holds the write lock
 * (an editor saving in the admin) the batch is retried after a short sleep
 * instead of blocking the event loop in a busy wait.
 */
export function sqliteVoteStore(url: string, collections: SqliteNames): VoteStore {
  const client: Client = createClient({ url })
  const entries = snake(collections.entries)
  const tally = snake(collections.tally)
  const ready = client.execute('PRAGMA busy_timeout = 0')

  async function write(statements: InStatement[]): Promise<ResultSet[]> {
    await ready
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.batch(statements, 'write')
      } catch (error) {
        if (!isBusy(error) || attempt >= 200) {
          throw error
        }
        await sleep(Math.min(2 + attempt, 25))
      }
    }
  }

  async function read(sql: string, args: (string | number | null)[] = []): Promise<ResultSet> {
    await ready
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.execute({ sql, args })
      } catch (error) {
        if (!isBusy(error) || attempt >= 200) {
          throw error
        }
        await sleep(Math.min(2 + attempt, 25))
      }
    }
  }

  const num = (value: unknown) => Number(value ?? 0)

  return {
    async cast(batch: CastInput[]): Promise<CastOutcome[]> {
      const statements: InStatement[] = []
      for (const v of batch) {
        const at = v.at.toISOString()
        // The slot is the number of this voter's votes for this entry today; the
        // WHERE refuses a vote past the per-entry limit or the daily cap, the
        // unique indexes refuse a duplicate or a replayed idempotency key.
        statements.push({
          sql: `INSERT INTO votes (entry_id, campaign_id, voter_id, day, slot, idempotency_key, ip_hash, device_hash, session, state, created_at, updated_at)
                SELECT ?1, ?2, ?3, ?4, (SELECT count(*) FROM votes WHERE voter_id = ?3 AND entry_id = ?1 AND day = ?4), ?5, ?6, ?7, ?8, 'counted', ?9, ?9
                WHERE (SELECT count(*) FROM votes WHERE voter_id = ?3 AND entry_id = ?1 AND day = ?4) < ?10
                  AND (?11 = 0 OR (SELECT count(*) FROM votes WHERE voter_id = ?3 AND campaign_id = ?2 AND day = ?4 AND state != 'voided') < ?11)
                ON CONFLICT DO NOTHING
                RETURNING id`,
          args: [
            v.entryId,
            v.campaignId,
            v.voterId,
            v.day,
            v.idempotencyKey,
            v.ipHash,
            v.deviceHash,
            v.session,
            at,
            v.perEntryPerDay,
            v.dailyCap,
          ],
        })
        // changes() is the previous INSERT's: 1 when the vote was stored, 0 otherwise.
        statements.push({
          sql: `UPDATE ${entries} SET ${tally} = coalesce(${tally}, 0) + changes() WHERE id = ? RETURNING ${tally} AS tally`,
          args: [v.entryId],
        })
        statements.push({
          sql: `SELECT count(*) AS today FROM votes WHERE voter_id = ? AND campaign_id = ? AND day = ? AND state != 'voided'`,
          args: [v.voterId, v.campaignId, v.day],
        })
      }
      const results = await write(statements)
      return batch.map((_, i) => ({
        counted: (results[i * 3]?.rows.length ?? 0) > 0,
        tally: num(results[i * 3 + 1]?.rows[0]?.tally),
        todayCount: num(results[i * 3 + 2]?.rows[0]?.today),
      }))
    },

    async leaderboard(q: LeaderboardQuery): Promise<LeaderboardRow[]> {
      const states = q.rankedStates.map(() => '?').join(', ')
      const filters: string[] = ['e.campaign_id = ?', `e.status IN (${states})`]
      const args: (string | number | null)[] = [q.campaignId as number, ...q.rankedStates]
      if (q.track) {
        filters.push('e.track = ?')
        args.push(q.track)
      }
      if (q.themeId !== undefined) {
        filters.push('e.theme_id = ?')
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
          `SELECT e.id, e.number, e.title, e.province, o.name AS organization, ${votes} AS votes
           FROM ${entries} e LEFT JOIN organizations o ON o.id = e.organization_id
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
      const group = q.by === 'organization' ? 'e.organization_id' : 'e.province'
      const label =
        q.by === 'organization' ? `coalesce(o.name, '个人作者')` : `coalesce(e.province, '未填写')`
      const rs = await read(
        `SELECT ${group} AS grp, ${label} AS label, sum(${votes}) AS votes
         FROM ${entries} e LEFT JOIN organizations o ON o.id = e.organization_id
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
        await write(
          fixed.map((f) => ({
            sql: `UPDATE ${entries} SET ${tally} = (SELECT count(*) FROM votes v WHERE v.entry_id = ? AND v.state != 'voided') WHERE id = ?`,
            args: [f.entryId, f.entryId],
          })),
        )
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
      const results = await write([
        {
          sql: `UPDATE votes SET state = 'flagged', flag_reason = '同一设备多人投票' WHERE campaign_id = ? AND state = 'counted' AND device_hash IN
                (SELECT device_hash FROM votes WHERE campaign_id = ? GROUP BY device_hash HAVING count(DISTINCT voter_id) >= ?)`,
          args: [c, c, q.clusterVoters],
        },
        {
          sql: `UPDATE votes SET state = 'flagged', flag_reason = '短时集中投票' WHERE campaign_id = ? AND state = 'counted' AND (entry_id, substr(created_at, 1, 16)) IN
                (SELECT entry_id, substr(created_at, 1, 16) FROM votes WHERE campaign_id = ? GROUP BY entry_id, substr(created_at, 1, 16) HAVING count(*) >= ?)`,
          args: [c, c, q.burstPerMinute],
        },
      ])
      return results.reduce((sum, r) => sum + r.rowsAffected, 0)
    },

    async voidVote(voteId: Id): Promise<boolean> {
      const results = await write([
        {
          sql: `UPDATE votes SET state = 'voided', updated_at = ? WHERE id = ? AND state != 'voided' RETURNING entry_id`,
          args: [new Date().toISOString(), voteId as number],
        },
        {
          sql: `UPDATE ${entries} SET ${tally} = coalesce(${tally}, 0) - changes() WHERE id = (SELECT entry_id FROM votes WHERE id = ?)`,
          args: [voteId as number],
        },
      ])
      return (results[0]?.rows.length ?? 0) > 0
    },

    async countVotes(campaignId?: Id): Promise<Map<string, number>> {
      const rs = await read(
        `SELECT entry_id, count(*) AS n FROM votes WHERE state != 'voided' ${campaignId === undefined ? '' : 'AND campaign_id = ?'} GROUP BY entry_id`,
        campaignId === undefined ? [] : [campaignId as number],
      )
      return new Map(rs.rows.map((r) => [String(r.entry_id), num(r.n)]))
    },

    async close() {
      client.close()
    },
  }
}
