import fc from 'fast-check'

import { fileCases } from './cases/files'
import { limitCases } from './cases/limits'
import { Probes } from './cases/probes'
import { readCases } from './cases/reads'
import { writeCases } from './cases/writes'
import { xssCases } from './cases/xss'
import { codeFromOutbox, prepare, smallPngBytes, type Fixtures } from './fixtures'
import { exchange, jsonOf, type Endpoints } from './http'
import { Judge } from './judge'
import { Truth } from './oracle'
import type { Category, FuzzCase, FuzzReport } from './types'

export interface FuzzOptions {
  cmsUrl: string
  siteUrl: string
  /** The stack's data folder (for the voting codes in its outbox); optional. */
  dataDir?: string
  seed: number
  /** fast-check runs per property (each write endpoint, the `where` trees, the texts). */
  runs: number
  /** Run a stratified sample of this many cases instead of all (the `npm test` subset). */
  sample?: number
  timeoutMs?: number
  /** Told each finished case (progress, or a test's own record). */
  onCase?: (done: number, total: number, category: Category) => void
}

/** A voter token through the real code flow, when the outbox can be read. */
async function voterToken(f: Fixtures): Promise<string | undefined> {
  const address = `fuzz-${f.nonce}-voter0@fuzz.example.org`
  await exchange(
    { method: 'POST', path: '/api/voting/code', json: { channel: 'email', address } },
    f.endpoints,
  )
  const code = codeFromOutbox(f.dataDir, address)
  if (!code) {
    return undefined
  }
  const verified = await exchange(
    { method: 'POST', path: '/api/voting/verify', json: { address, code } },
    f.endpoints,
  )
  return jsonOf(verified)?.token
}

/**
 * Cases that must run together (an XSS payload's writes, then its pages)
 * share a group; a sample takes whole groups, round-robin over categories,
 * so every category is in it.
 */
function sampleOf(groups: FuzzCase[][], size: number, seed: number): FuzzCase[][] {
  const byCategory = new Map<Category, FuzzCase[][]>()
  for (const group of groups) {
    const key = group[0]!.category
    byCategory.set(key, [...(byCategory.get(key) ?? []), group])
  }
  const shuffled = [...byCategory.values()].map(
    (list) =>
      fc.sample(fc.shuffledSubarray(list, { minLength: list.length }), { seed, numRuns: 1 })[0]!,
  )
  const picked = new Set<FuzzCase[]>()
  let count = 0
  for (let round = 0; count < size && shuffled.some((l) => l.length > round); round++) {
    for (const list of shuffled) {
      const group = list[round]
      if (group && count < size) {
        picked.add(group)
        count += group.length
      }
    }
  }
  return groups.filter((g) => picked.has(g))
}

function grouped(cases: FuzzCase[]): FuzzCase[][] {
  const groups: FuzzCase[][] = []
  for (const c of cases) {
    const last = groups[groups.length - 1]
    // Stored-XSS cases come as a write followed by its page reads.
    if (c.category === 'stored-xss' && !c.name.includes(': write') && last) {
      last.push(c)
    } else {
      groups.push([c])
    }
  }
  return groups
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const endpoints: Endpoints = {
    cmsUrl: options.cmsUrl.replace(/\/$/, ''),
    siteUrl: options.siteUrl.replace(/\/$/, ''),
    timeoutMs: options.timeoutMs ?? 10_000,
  }
  const nonce = `${options.seed.toString(36)}${Date.now().toString(36)}`
  const fixtures = await prepare(endpoints, { nonce, dataDir: options.dataDir })
  fixtures.voter = await voterToken(fixtures)
  const truth = new Truth(fixtures)
  for (const collection of ['entries', 'organizations', 'media', 'campaigns']) {
    await truth.preload(collection)
  }
  const judge = new Judge(endpoints)
  const probes = new Probes(fixtures)
  await probes.record({ send: (spec) => exchange(spec, endpoints) })
  const png = await smallPngBytes()

  const all = [
    ...readCases(fixtures, truth, options.seed, options.runs, probes),
    ...writeCases(fixtures, png, options.seed, options.runs, probes),
    ...limitCases(fixtures),
    ...(await fileCases(fixtures, png)),
    ...xssCases(fixtures),
  ]
  const groups = grouped(all)
  const chosen = options.sample ? sampleOf(groups, options.sample, options.seed) : groups
  const total = chosen.reduce((n, g) => n + g.length, 0)
  let done = 0
  for (const group of chosen) {
    for (const fuzzCase of group) {
      await judge.run(fuzzCase)
      options.onCase?.(++done, total, fuzzCase.category)
    }
  }
  return judge.report(options.seed)
}
