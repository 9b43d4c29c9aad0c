import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { freePort, repoRoot } from '../helpers/servers'

/**
 * `npm start` (scripts/start.mjs) with a port already taken by another
 * process that answers HTTP, as a second checkout on one machine would: it
 * must stop at once, name the port and the variable that moves it, and
 * never print a URL that would lead to the other process.
 */
const cleanups: (() => void)[] = []

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) {
    cleanup()
  }
})

/** Another process on the port, answering every request, bound where our server would bind. */
async function holdPort(host: string): Promise<number> {
  const port = await freePort()
  const holder = http.createServer((_req, res) => res.end('someone else'))
  await new Promise<void>((resolve) => holder.listen(port, host, resolve))
  cleanups.push(() => holder.close())
  return port
}

describe.each([
  // cms/server.ts binds 0.0.0.0, the built site 127.0.0.1 (site/astro.config.mjs).
  { variable: 'CMS_PORT', other: 'SITE_PORT', host: '0.0.0.0' },
  { variable: 'SITE_PORT', other: 'CMS_PORT', host: '127.0.0.1' },
])('npm start with $variable taken', ({ variable, other, host }) => {
  it(`should exit non-zero within seconds, naming ${variable}, and print no URL`, async () => {
    const taken = await holdPort(host)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-start-'))
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      [variable]: String(taken),
      [other]: String(await freePort()),
      EXEMPLAR_DATA_DIR: dataDir,
      DATABASE_URI: `file:${path.join(dataDir, 'exemplar.db')}`,
      PAYLOAD_SECRET: 'start-test-secret',
      NEXT_TELEMETRY_DISABLED: '1',
    }
    delete env.CMS_HOST
    delete env.HOST
    const started = Date.now()
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs')], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a start that did launch servers is stopped whole.
      detached: true,
    })
    cleanups.push(() => {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).not.toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(output).toContain(`${variable}=`)
    expect(output).toContain(`port ${taken}`)
    expect(output).not.toMatch(/https?:\/\/localhost:\d+/)
  }, 240_000)
})
