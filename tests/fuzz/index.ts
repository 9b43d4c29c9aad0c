/**
 * `npm run fuzz`: the hostile-input run against a real CMS and site over
 * HTTP. Starts the built production stack on free ports with the demo seed
 * (building it when stale), unless FUZZ_CMS_URL and FUZZ_SITE_URL name a
 * running one. Prints every failing case, then one line:
 *
 *   FUZZ tried=<n> wrongly_accepted=<n> server_errors=<n> max_ms=<slowest answer>
 *
 * FUZZ_SEED repeats a run (printed); FUZZ_RUNS sets the fast-check runs per
 * property; FUZZ_SAMPLE runs a stratified sample of that many cases;
 * FUZZ_DATA_DIR is a running stack's data folder (its outbox holds the
 * voting codes; default ./data as `npm start` uses).
 * Exits 1 unless wrongly_accepted and server_errors are 0.
 */
import path from 'node:path'

import { startStack, repoRoot, type RunningStack } from '../helpers/servers'
import { failureList, fuzzLine } from './judge'
import { runFuzz } from './run'

const env = process.env
const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
const runs = env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : 30
const sample = env.FUZZ_SAMPLE ? Number(env.FUZZ_SAMPLE) : undefined

let stack: RunningStack | undefined
let exitCode = 1
try {
  if (!env.FUZZ_CMS_URL || !env.FUZZ_SITE_URL) {
    console.error('fuzz: starting the production stack (builds when stale)…')
    stack = await startStack()
  }
  const started = Date.now()
  let lastShown = 0
  const report = await runFuzz({
    cmsUrl: env.FUZZ_CMS_URL ?? stack!.cmsUrl,
    siteUrl: env.FUZZ_SITE_URL ?? stack!.siteUrl,
    dataDir: stack?.dataDir ?? env.FUZZ_DATA_DIR ?? path.join(repoRoot, 'data'),
    seed,
    runs,
    sample,
    onCase: (done, total, category) => {
      if (Date.now() - lastShown > 5000 || done === total) {
        lastShown = Date.now()
        console.error(
          `fuzz: ${done}/${total} (${category}) after ${Math.round((Date.now() - started) / 1000)} s`,
        )
      }
    },
  })
  for (const line of failureList(report)) {
    console.log(line)
  }
  console.log(fuzzLine(report))
  exitCode = report.wronglyAccepted === 0 && report.serverErrors === 0 ? 0 : 1
} catch (error) {
  console.error(error)
} finally {
  await stack?.stop()
}
process.exit(exitCode)
