import { describe, expect, inject, it } from 'vitest'

import { failureList, fuzzLine } from '../fuzz/judge'
import { runFuzz } from '../fuzz/run'
import type { FuzzReport } from '../fuzz/types'

/**
 * A short seeded subset of `npm run fuzz` (tests/fuzz): every category of
 * hostile input (operator objects, `where` injection, pollution keys, huge
 * bodies, invalid UTF-8, length limits, stored XSS, hostile files, traversal
 * names) against the shared stack, on its own campaign and fresh accounts so
 * the other HTTP tests' data is left alone. The full run is `npm run fuzz`.
 */
const SEED = 20_261_201
const SAMPLE = 200

const broken = (report: FuzzReport) =>
  report.failures
    .filter((f) => f.verdict === 'wrongly-accepted' || f.verdict === 'server-error')
    .map((f) => `${f.verdict} [${f.category}] ${f.name}: ${f.detail}`)

describe('the hostile-input run (seeded subset)', () => {
  it(`should refuse every hostile input of ${SAMPLE} cases (seed ${SEED}) with no 5xx, reset or timeout`, async () => {
    const report = await runFuzz({
      cmsUrl: inject('cmsUrl'),
      siteUrl: inject('siteUrl'),
      dataDir: inject('dataDir'),
      seed: SEED,
      runs: 8,
      sample: SAMPLE,
    })
    console.log([...failureList(report), fuzzLine(report)].join('\n'))
    expect(report.tried).toBeGreaterThanOrEqual(150)
    expect(broken(report)).toEqual([])
    expect(report.wronglyAccepted).toBe(0)
    expect(report.serverErrors).toBe(0)
  }, 240_000)
})
