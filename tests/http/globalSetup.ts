import fs from 'node:fs'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { ensureBuilt, launchStack, planStack, type RunningStack } from '../helpers/servers'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    siteUrl: string
    /** The stack's data folder: SQLite file, media, mail outbox. */
    dataDir: string
  }
}

/** Written into the data folder once the stack answers, or with the reason it did not start. */
export const STACK_STATUS_FILE = 'stack-status.txt'

/**
 * One seeded CMS + site for every HTTP and browser test file. Seeding and
 * booting take a minute, so they run while the unit and integration files
 * do (the HTTP files run after them, groupOrder 1); each HTTP file first
 * waits for the status file (tests/http/waitForStack.ts).
 */
export default async function setup(project: TestProject) {
  // A build, when one is due, comes first: the servers and the tests need it.
  ensureBuilt()
  const plan = await planStack()
  const status = path.join(plan.dataDir, STACK_STATUS_FILE)
  const starting: Promise<RunningStack | null> = launchStack(plan).then(
    (stack) => {
      fs.writeFileSync(status, 'ready')
      return stack
    },
    (error: unknown) => {
      fs.writeFileSync(status, `failed: ${String((error as Error)?.stack ?? error)}`)
      return null
    },
  )
  project.provide('cmsUrl', `http://127.0.0.1:${plan.cmsPort}`)
  project.provide('siteUrl', `http://127.0.0.1:${plan.sitePort}`)
  project.provide('dataDir', plan.dataDir)
  return async () => {
    await (await starting)?.stop()
  }
}
