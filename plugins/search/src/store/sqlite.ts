import { GALLERY_FACETS, type GalleryFacet } from '@exemplar/domain'
import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { FacetCount, Id, SearchAnswer, SearchDoc, SearchRequest, SearchStore } from './types'

/**
 * Drizzle-kit's schema push (Payload's dev mode) drops tables it does not
 * know, except names it treats as libSQL's own: the index lives under that
 * prefix so a push leaves it alone. It is derived data either way (a
 * rebuild recreates it from the entries).
 */
const DOCS = 'libsql_search_docs'
const BIGRAMS = 'libsql_search_bigrams'
const UNIGRAMS = 'libsql_search_unigrams'
/** One row: a number every index write raises in its own transaction (see `combosOf`). */
const META = 'libsql_search_meta'
const BUMP = sql.raw(`UPDATE ${META} SET generation = generation + 1 WHERE id = 1`)

/** Facet groupings kept per text query; each is a few hundred rows. */
const COMBOS_KEPT = 256

/** Drizzle's SQL fragment, as `sql` builds it. */
type SQL = ReturnType<typeof sql>

interface Drizzle {
  run: (query: SQL) => Promise<unknown>
  all: <T = Record<string, unknown>>(query: SQL) => Promise<T[]>
}

interface DrizzleAdapter {
  drizzle: Drizzle
  sessions?: Record<string, { db?: Drizzle } | undefined>
}

/** The column each facet filters and groups on, and the column holding its label. */
const FACET_COLUMNS: Record<GalleryFacet, { value: string; label: string }> = {
  year: { value: 'year', label: 'year' },
  campaign: { value: 'campaign_slug', label: 'campaign_title' },
  theme: { value: 'theme_id', label: 'theme_title' },
  track: { value: 'track', label: 'track_name' },
  province: { value: 'province', label: 'province' },
  award: { value: 'award', label: 'award' },
}

/**
 * Newest first walks the docs' own index. The vote orders walk the entries
 * table by its index on the tally (the voting plugin indexes it) and look
 * each entry up in the docs: a page then reads about as many rows as it
 * skips, where joining every match to its entry and sorting them all took
 * 9-12 ms over 10,000 entries. Ties go to the newer entry (the larger id).
 */
const NEWEST = 'd.created_at DESC, d.entry_id DESC'
const BY_VOTES = 'e.{votes} DESC, e.id DESC'
const snake = (name: string) =>
  name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_')

/**
 * SQLite: a table of facets per public entry and two contentless FTS5
 * tables over the tokens (@exemplar/domain's entryTokens): bigrams with
 * positions, so a query of n characters is the phrase of its n − 1
 * bigrams — exactly a substring — and unigrams without, for one-character
 * queries. Writes go through the request's transaction on Payload's own
 * connection; the live vote tally comes from the entries table, so "most
 * voted" never waits for a reindex.
 */
export function sqliteSearchStore(
  payload: Payload,
  names: { entries: string; votes: string },
): SearchStore {
  const adapter = payload.db as unknown as DrizzleAdapter
  const entries = snake(names.entries)
  const byVotes = BY_VOTES.replace('{votes}', snake(names.votes))
  const on = async (req?: PayloadRequest): Promise<Drizzle> => {
    const id = req?.transactionID ? String(await req.transactionID) : undefined
    return (id && adapter.sessions?.[id]?.db) || adapter.drizzle
  }
  const matchClause = (request: SearchRequest): SQL | null => {
    const m = request.match
    if (!m) {
      return null
    }
    return m.kind === 'unigram'
      ? sql`d.entry_id IN (SELECT rowid FROM ${sql.raw(UNIGRAMS)} WHERE ${sql.raw(UNIGRAMS)} MATCH ${m.token})`
      : sql`d.entry_id IN (SELECT rowid FROM ${sql.raw(BIGRAMS)} WHERE ${sql.raw(BIGRAMS)} MATCH ${`"${m.tokens.join(' ')}"`})`
  }
  const filterClauses = (request: SearchRequest, except?: GalleryFacet): SQL[] =>
    GALLERY_FACETS.filter((f) => f !== except && request.filters[f] !== undefined).map(
      (f) => sql`${sql.raw(`d.${FACET_COLUMNS[f].value}`)} = ${request.filters[f]!}`,
    )
  const where = (clauses: (SQL | null)[]): SQL => {
    const present = clauses.filter((c): c is SQL => c !== null)
    return present.length === 0 ? sql`1 = 1` : sql.join(present, sql` AND `)
  }

  const facetColumns = GALLERY_FACETS.flatMap((f) => [
    FACET_COLUMNS[f].value,
    FACET_COLUMNS[f].label,
  ])
  const distinct = [...new Set(facetColumns)].map((c) => `d.${c}`).join(', ')
  const kept = new Map<string, { generation: number; combos: Record<string, unknown>[] }>()

  /**
   * One grouping over the text's matches, every facet's value together (each
   * facet's counts are then summed over the rows passing every other filter).
   * It depends on the text alone, so the pages, sorts and filters of one
   * query share it: it is kept per text with the index's generation when it
   * was read, and used again only while the generation in the database is
   * the same — a write by any process on the database raises it in its own
   * transaction. The generation is read first, so what is kept is never
   * older than the generation it is kept with.
   */
  const combosOf = async (
    db: Drizzle,
    request: SearchRequest,
    match: SQL | null,
  ): Promise<Record<string, unknown>[]> => {
    const key = request.match ? JSON.stringify(request.match) : ''
    const [meta] = await db.all<{ generation: number }>(
      sql.raw(`SELECT generation FROM ${META} WHERE id = 1`),
    )
    const generation = Number(meta?.generation ?? -1)
    const known = kept.get(key)
    if (known && known.generation === generation && generation >= 0) {
      kept.delete(key)
      kept.set(key, known)
      return known.combos
    }
    const combos = await db.all<Record<string, unknown>>(
      sql`SELECT ${sql.raw(distinct)}, count(*) AS n FROM ${sql.raw(DOCS)} d WHERE ${where([match])} GROUP BY ${sql.raw(distinct)}`,
    )
    kept.delete(key)
    kept.set(key, { generation, combos })
    for (const oldest of kept.keys()) {
      if (kept.size <= COMBOS_KEPT) {
        break
      }
      kept.delete(oldest)
    }
    return combos
  }

  return {
    async ensure() {
      const db = adapter.drizzle
      await db.run(
        sql.raw(`CREATE TABLE IF NOT EXISTS ${DOCS} (
          entry_id INTEGER PRIMARY KEY,
          campaign_id INTEGER NOT NULL,
          campaign_slug TEXT NOT NULL,
          campaign_title TEXT NOT NULL,
          year INTEGER NOT NULL,
          track TEXT NOT NULL,
          track_name TEXT NOT NULL,
          theme_id INTEGER,
          theme_title TEXT,
          province TEXT,
          award TEXT,
          award_rank INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        )`),
      )
      await db.run(
        sql.raw(
          `CREATE INDEX IF NOT EXISTS ${DOCS}_created ON ${DOCS} (created_at DESC, entry_id DESC)`,
        ),
      )
      await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS ${DOCS}_campaign ON ${DOCS} (campaign_id)`))
      await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS ${DOCS}_theme ON ${DOCS} (theme_id)`))
      await db.run(
        sql.raw(
          `CREATE INDEX IF NOT EXISTS ${DOCS}_award ON ${DOCS} (award_rank) WHERE award_rank > 0`,
        ),
      )
      await db.run(
        sql.raw(
          `CREATE VIRTUAL TABLE IF NOT EXISTS ${BIGRAMS} USING fts5(tokens, content='', contentless_delete=1, detail=full, tokenize='unicode61')`,
        ),
      )
      await db.run(
        sql.raw(
          `CREATE VIRTUAL TABLE IF NOT EXISTS ${UNIGRAMS} USING fts5(tokens, content='', contentless_delete=1, detail=none, tokenize='unicode61')`,
        ),
      )
      await db.run(
        sql.raw(
          `CREATE TABLE IF NOT EXISTS ${META} (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)`,
        ),
      )
      await db.run(sql.raw(`INSERT OR IGNORE INTO ${META} (id, generation) VALUES (1, 0)`))
    },

    async put(req, doc: SearchDoc) {
      const db = await on(req)
      const id = Number(doc.entryId)
      await db.run(sql`DELETE FROM ${sql.raw(BIGRAMS)} WHERE rowid = ${id}`)
      await db.run(sql`DELETE FROM ${sql.raw(UNIGRAMS)} WHERE rowid = ${id}`)
      await db.run(
        sql`INSERT OR REPLACE INTO ${sql.raw(DOCS)} (entry_id, campaign_id, campaign_slug, campaign_title, year, track, track_name, theme_id, theme_title, province, award, award_rank, created_at)
            VALUES (${id}, ${Number(doc.campaignId)}, ${doc.campaignSlug}, ${doc.campaignTitle}, ${doc.year}, ${doc.track}, ${doc.trackName},
                    ${doc.themeId === null ? null : Number(doc.themeId)}, ${doc.themeTitle}, ${doc.province}, ${doc.award}, ${doc.awardRank}, ${doc.createdAt})`,
      )
      await db.run(
        sql`INSERT INTO ${sql.raw(BIGRAMS)} (rowid, tokens) VALUES (${id}, ${doc.tokens.bigrams})`,
      )
      await db.run(
        sql`INSERT INTO ${sql.raw(UNIGRAMS)} (rowid, tokens) VALUES (${id}, ${doc.tokens.unigrams})`,
      )
      await db.run(BUMP)
    },

    async remove(req, entryId) {
      const db = await on(req)
      const id = Number(entryId)
      await db.run(sql`DELETE FROM ${sql.raw(DOCS)} WHERE entry_id = ${id}`)
      await db.run(sql`DELETE FROM ${sql.raw(BIGRAMS)} WHERE rowid = ${id}`)
      await db.run(sql`DELETE FROM ${sql.raw(UNIGRAMS)} WHERE rowid = ${id}`)
      await db.run(BUMP)
    },

    async relabelCampaign(req, campaignId, labels) {
      const db = await on(req)
      await db.run(
        sql`UPDATE ${sql.raw(DOCS)} SET campaign_slug = ${labels.slug}, campaign_title = ${labels.title}, year = ${labels.year}
            WHERE campaign_id = ${Number(campaignId)}`,
      )
      for (const [track, name] of Object.entries(labels.trackNames)) {
        await db.run(
          sql`UPDATE ${sql.raw(DOCS)} SET track_name = ${name} WHERE campaign_id = ${Number(campaignId)} AND track = ${track}`,
        )
      }
      await db.run(BUMP)
    },

    async relabelTheme(req, themeId, title) {
      const db = await on(req)
      await db.run(
        sql`UPDATE ${sql.raw(DOCS)} SET theme_title = ${title} WHERE theme_id = ${Number(themeId)}`,
      )
      await db.run(BUMP)
    },

    async search(request): Promise<SearchAnswer> {
      const db = adapter.drizzle
      const match = matchClause(request)
      const filters = where([match, ...filterClauses(request)])
      const combos = await combosOf(db, request, match)
      const counted = countFacets(combos, request)
      type Row = { entry_id: number }
      const newest = (limit: number, offset: number) =>
        db.all<Row>(
          sql`SELECT d.entry_id FROM ${sql.raw(DOCS)} d WHERE ${filters}
              ORDER BY ${sql.raw(NEWEST)} LIMIT ${limit} OFFSET ${offset}`,
        )
      const voted = (limit: number, offset: number, part: SQL) =>
        db.all<Row>(
          sql`SELECT d.entry_id FROM ${sql.raw(entries)} e
              CROSS JOIN ${sql.raw(DOCS)} d ON d.entry_id = e.id
              WHERE ${filters} AND ${part}
              ORDER BY ${sql.raw(byVotes)} LIMIT ${limit} OFFSET ${offset}`,
        )
      let rows: Row[]
      if (request.sort === 'newest') {
        rows = await newest(request.limit, request.offset)
      } else if (request.sort === 'votes') {
        rows = await voted(request.limit, request.offset, sql`1 = 1`)
      } else {
        // The awarded matches first, best tier first (a few hundred at most,
        // found by their own index), then the others as "most voted" has them.
        // Rows without an award are no facet value: the award facet counts exactly the awarded.
        const awarded =
          request.filters.award === undefined
            ? counted.facets.award.reduce((sum, row) => sum + row.count, 0)
            : counted.totalDocs
        const head =
          request.offset < awarded
            ? await db.all<Row>(
                sql`SELECT d.entry_id FROM ${sql.raw(DOCS)} d
                    LEFT JOIN ${sql.raw(entries)} e ON e.id = d.entry_id
                    WHERE ${filters} AND d.award_rank > 0
                    ORDER BY d.award_rank DESC, ${sql.raw(byVotes)} LIMIT ${request.limit} OFFSET ${request.offset}`,
              )
            : []
        const rest = request.limit - head.length
        rows =
          rest > 0
            ? [
                ...head,
                ...(await voted(
                  rest,
                  Math.max(0, request.offset - awarded),
                  sql`d.award_rank = 0`,
                )),
              ]
            : head
      }
      return { ...counted, ids: rows.map((r) => Number(r.entry_id)) }
    },

    async size() {
      const rows = await adapter.drizzle.all<{ n: number }>(
        sql.raw(`SELECT count(*) AS n FROM ${DOCS}`),
      )
      return Number(rows[0]?.n ?? 0)
    },

    async clear(req) {
      const db = await on(req)
      await db.run(sql.raw(`DELETE FROM ${DOCS}`))
      await db.run(sql.raw(`DELETE FROM ${BIGRAMS}`))
      await db.run(sql.raw(`DELETE FROM ${UNIGRAMS}`))
      await db.run(BUMP)
    },
  }
}

/**
 * Facet counts and the total from the grouped rows: a facet counts the rows
 * that pass every filter but its own; the total, those that pass them all.
 */
export function countFacets(
  combos: Record<string, unknown>[],
  request: SearchRequest,
): Pick<SearchAnswer, 'facets' | 'totalDocs'> {
  const passes = (row: Record<string, unknown>, except?: GalleryFacet) =>
    GALLERY_FACETS.every((f) => {
      const wanted = request.filters[f]
      return f === except || wanted === undefined || String(row[FACET_COLUMNS[f].value]) === wanted
    })
  let totalDocs = 0
  const facets = {} as SearchAnswer['facets']
  const tallies = new Map<GalleryFacet, Map<string, FacetCount>>(
    GALLERY_FACETS.map((f) => [f, new Map()]),
  )
  for (const row of combos) {
    const n = Number(row.n)
    if (passes(row)) {
      totalDocs += n
    }
    for (const f of GALLERY_FACETS) {
      const value = row[FACET_COLUMNS[f].value]
      if (value === null || value === undefined || !passes(row, f)) {
        continue
      }
      const key = String(value)
      const tally = tallies.get(f)!
      const seen = tally.get(key)
      if (seen) {
        seen.count += n
      } else {
        tally.set(key, { value: key, label: String(row[FACET_COLUMNS[f].label] ?? key), count: n })
      }
    }
  }
  for (const f of GALLERY_FACETS) {
    facets[f] = [...tallies.get(f)!.values()].sort(
      f === 'year'
        ? (a, b) => Number(b.value) - Number(a.value)
        : (a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'),
    )
  }
  return { facets, totalDocs }
}

export type { Id }
