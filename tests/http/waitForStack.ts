import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, inject } from 'vitest'

import { STACK_STATUS_FILE } from './globalSetup'

/** Before an HTTP file's tests: the shared stack globalSetup started is up (or why it is not). */
beforeAll(async () => {
  const status = path.join(inject('dataDir'), STACK_STATUS_FILE)
  const deadline = Date.now() + 600_000
  while (!fs.existsSync(status)) {
    if (Date.now() > deadline) {
      throw new Error('the seeded stack did not start within 10 minutes')
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const text = fs.readFileSync(status, 'utf8')
  if (text !== 'ready') {
    throw new Error(`the seeded stack did not start: ${text}`)
  }
}, 610_000)
