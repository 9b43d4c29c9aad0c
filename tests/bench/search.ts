/**
 * `npm run bench -- search`: the gallery's index alone (the store behind
 * /api/search) on 10,000 generated entries of about 1,500 characters each
 * (health-promotion words, so queries of every length hit many entries),
 * on a SQLite file. Each query is asked for a page of 24 with its facet
 * counts, as the gallery asks; each answer's total is checked against the
 * substring oracle (the same folding, `String.includes`) before its time counts.
 *
 *  index_s — writing all 10,000 rows in one transaction.
 *  p50_ms, p95_ms — over 400 searches: 1-, 2-, 3- and 6-character queries,
 *            mixed Chinese and Latin, no query, and a query with filters.
 *
 * Goal (issue 14): search_p95_ms ≤ 50.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { foldText, queryTokens } from '@exemplar/domain'

import { generatedSearchDoc, healthText, seededRandom } from '../helpers/generatedText'

const N = 10_000
export async function benchSearch(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-bench-search-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.EXEMPLAR_DATA_DIR = dir
  process.env.PAYLOAD_SECRET = 'bench-secret'
  const { default: config } = await import('@exemplar/cms/config')
  const { getPayload, createLocalReq, initTransaction, commitTransaction } = await import('payload')
  const { searchStoreOf } = await import('@exemplar/plugin-search')
  const payload = await getPayload({ config, key: 'bench-search' })
  const store = searchStoreOf(payload, { entries: 'entries', votes: 'voteCount' })

  const rnd = seededRandom(14)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const text = (chars: number) => healthText(rnd, chars)
  const provinces = ['四川省', '浙江省', '广东省', '云南省', '河南省']
  const docs = Array.from({ length: N }, (_, i) => ({
    id: 2_000_000 + i,
    fields: [text(18), text(300), text(1_200)],
    province: pick(provinces),
    year: 2020 + (i % 6),
  })).map((d) => ({ ...d, folded: d.fields.map(foldText) }))
  let started = performance.now()
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  for (const d of docs) {
    await store.put(req, generatedSearchDoc(d, 'bench'))
  }
  await commitTransaction(req)
  const indexSeconds = (performance.now() - started) / 1000

  const queries: { q: string; filters: Record<string, string> }[] = []
  while (queries.length < 400) {
    const source = pick(docs).fields[1]!
    const length = pick([1, 2, 3, 6])
    const start = Math.floor(rnd() * (source.length - length))
    const kind = queries.length % 10
    queries.push({
      q:
        kind === 0
          ? ''
          : kind === 1
            ? pick(['AI辅助', 'App', 'ai'])
            : source.slice(start, start + length),
      filters: kind === 2 ? { province: '四川省', year: '2024' } : {},
    })
  }
  const times: number[] = []
  for (const { q, filters } of queries) {
    started = performance.now()
    const answer = await store.search({
      match: queryTokens(q),
      filters,
      sort: 'newest',
      offset: 0,
      limit: 24,
    })
    times.push(performance.now() - started)
    const needle = foldText(q)
    const truth = docs.filter(
      (d) =>
        (q === '' || d.folded.some((f) => f.includes(needle))) &&
        (!filters.province || (d.province === filters.province && String(d.year) === filters.year)),
    ).length
    if (answer.totalDocs !== truth) {
      throw new Error(`“${q}”: ${answer.totalDocs} hits, the oracle says ${truth}`)
    }
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!
  const bytes = fs.statSync(path.join(dir, 'bench.db')).size
  console.log('search: 10,000 entries × ~1,500 characters, page of 24 with facet counts')
  console.log(
    `  index  ${indexSeconds.toFixed(1)} s, database ${(bytes / 1024 / 1024).toFixed(0)} MB`,
  )
  console.log(
    `  search p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  )
  console.log(
    `BENCH search entries=${N} chars=1500 index_s=${indexSeconds.toFixed(1)} db_mb=${(bytes / 1024 / 1024).toFixed(0)} p50_ms=${at(0.5).toFixed(1)} search_p95_ms=${at(0.95).toFixed(1)}`,
  )
  await payload.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
}
