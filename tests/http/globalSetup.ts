import type { TestProject } from 'vitest/node'

import { startStack } from '../helpers/servers'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    siteUrl: string
    /** The stack's data folder: SQLite file, media, mail outbox. */
    dataDir: string
  }
}

/** One seeded CMS + site for every HTTP and browser test file: booting them costs seconds. */
export default async function setup(project: TestProject) {
  const stack = await startStack()
  project.provide('cmsUrl', stack.cmsUrl)
  project.provide('siteUrl', stack.siteUrl)
  project.provide('dataDir', stack.dataDir)
  return async () => {
    await stack.stop()
  }
}
