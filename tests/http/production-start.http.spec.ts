import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { DEMO_USERS } from '@exemplar/seed'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { cmsStartCommand, ensureBuilt, freePort, repoRoot } from '../helpers/servers'

/**
 * Production mode is safe by default: a CMS started without demo mode
 * refuses to run while a published demo password still signs in (and so
 * does `npm start -- --production`, printing no URL), starts once the
 * passwords are changed, and the demo (EXEMPLAR_DEMO=1) starts with a
 * warning. The seed writes demo data in production mode only when asked.
 * The accounts are made through the Local API, so their hashes are exactly
 * what the installed Payload stores.
 */
let t: TestPayload
let payload: Payload
const running: ChildProcess[] = []

interface Run {
  child: ChildProcess
  output: () => string
  /** 'exited' with the code, or 'answering' once the server answers `probe`. */
  outcome: (probe?: string) => Promise<{ state: 'exited' | 'answering'; code: number | null }>
}

/** Environment without anything the test runner's own environment may say about demo mode. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.EXEMPLAR_DEMO
  // Next's types make NODE_ENV read-only; a child without it picks its own.
  Reflect.deleteProperty(env, 'NODE_ENV')
  return Object.assign(env, { NEXT_TELEMETRY_DISABLED: '1' }, extra)
}

function watch(child: ChildProcess, url: string): Run {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  running.push(child)
  return {
    child,
    output: () => output,
    outcome: async (probe = '/api/campaigns?limit=1') => {
      let state: 'exited' | 'answering' | undefined
      let code: number | null = null
      void exited.then((c) => {
        code = c
        state ??= 'exited'
      })
      const deadline = Date.now() + 150_000
      while (!state && Date.now() < deadline) {
        try {
          const res = await fetch(`${url}${probe}`, { redirect: 'manual' })
          if (res.status < 500) {
            state ??= 'answering'
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 300))
      }
      return { state: state ?? 'exited', code }
    },
  }
}

async function startCmsProcess(env: Record<string, string>): Promise<Run & { url: string }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const start = cmsStartCommand()
  const child = spawn(process.execPath, start.args, {
    cwd: path.join(repoRoot, 'cms'),
    env: baseEnv({
      ...start.env,
      DATABASE_URI: process.env.DATABASE_URI!,
      EXEMPLAR_DATA_DIR: process.env.EXEMPLAR_DATA_DIR!,
      PAYLOAD_SECRET: 'production-start-secret',
      CMS_PORT: String(port),
      CMS_HOST: '127.0.0.1',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return { ...watch(child, url), url }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

/** `node seed/src/cli.ts` as `npm run seed` runs it, on a database of its own. */
function runSeed(
  databaseUri: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['run', 'seed', '-w', '@exemplar/seed', '--', ...args], {
    cwd: repoRoot,
    env: baseEnv({ DATABASE_URI: databaseUri, PAYLOAD_SECRET: 'seed-mode-secret', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })))
}

function countUsers(file: string): number {
  const db = new DatabaseSync(file)
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n)
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  ensureBuilt()
  t = await bootPayload('production-start')
  payload = t.payload
  for (const user of DEMO_USERS) {
    await payload.create({
      collection: 'users',
      data: { email: user.email, password: user.password, name: user.name, role: user.role },
    })
  }
})

afterAll(async () => {
  await Promise.all(running.map(stop))
  for (const child of running) {
    try {
      // `npm start` runs in its own process group: whatever it launched goes with it.
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // not a group leader, or already gone
    }
  }
  await t?.cleanup()
})

describe('a production start with the demo accounts’ published passwords', () => {
  it('should refuse to start the CMS, naming every demo account and the way out', async () => {
    const cms = await startCmsProcess({})
    const { state, code } = await cms.outcome()
    expect(state).toBe('exited')
    expect(code).not.toBe(0)
    for (const user of DEMO_USERS) {
      expect(cms.output()).toContain(user.email)
    }
    expect(cms.output()).toContain('EXEMPLAR_DEMO=1')
  }, 180_000)

  it('should make `npm start -- --production` exit non-zero without printing a URL', async () => {
    const [cmsPort, sitePort] = [await freePort(), await freePort()]
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'scripts', 'start.mjs'), '--production'],
      {
        cwd: repoRoot,
        env: baseEnv({
          DATABASE_URI: process.env.DATABASE_URI!,
          EXEMPLAR_DATA_DIR: process.env.EXEMPLAR_DATA_DIR!,
          PAYLOAD_SECRET: 'production-start-secret',
          CMS_PORT: String(cmsPort),
          SITE_PORT: String(sitePort),
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    )
    const run = watch(child, `http://127.0.0.1:${cmsPort}`)
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).not.toBe(0)
    expect(run.output()).toContain('admin@example.org')
    expect(run.output()).not.toContain('http://localhost:')
    // The seed step of a production start wrote no demo data.
    expect(run.output()).not.toContain('正在写入演示数据')
  }, 240_000)

  it('should start in demo mode and warn that the demo accounts are active', async () => {
    const cms = await startCmsProcess({ EXEMPLAR_DEMO: '1' })
    expect((await cms.outcome()).state).toBe('answering')
    await expect
      .poll(() => cms.output(), { timeout: 30_000 })
      .toMatch(
        /demo mode: these demo accounts accept their published passwords: .*admin@example\.org/,
      )
    const res = await fetch(`${cms.url}/api/campaigns?limit=1`)
    expect(res.headers.get('strict-transport-security')).toBeNull()
    await stop(cms.child)
  }, 180_000)

  it('should start in production mode, with HSTS, once every demo password is changed', async () => {
    for (const user of DEMO_USERS) {
      await payload.update({
        collection: 'users',
        where: { email: { equals: user.email } },
        data: { password: `${user.password}-changed-by-the-operator` },
      })
    }
    const cms = await startCmsProcess({})
    expect((await cms.outcome()).state).toBe('answering')
    for (const pathname of ['/api/campaigns?limit=1', '/admin/login']) {
      const res = await fetch(`${cms.url}${pathname}`)
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')
    }
    expect(cms.output()).not.toContain('demo mode')
    await stop(cms.child)
  }, 180_000)
})

describe('the seed in production mode', () => {
  let dir: string
  let file: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-seed-mode-'))
    file = path.join(dir, 'exemplar.db')
  })

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('should prepare an empty database without demo data when a production start runs it', async () => {
    const { code, output } = await runSeed(`file:${file}`, ['--if-empty'], {
      NODE_ENV: 'development',
      EXEMPLAR_DEMO: '0',
      EXEMPLAR_DATA_DIR: dir,
    })
    expect(code).toBe(0)
    expect(output).toContain('不写入演示数据')
    expect(countUsers(file)).toBe(0)
  }, 180_000)

  it('should refuse `npm run seed` under NODE_ENV=production unless EXEMPLAR_DEMO=1 asks', async () => {
    const { code, output } = await runSeed(`file:${file}`, [], {
      NODE_ENV: 'production',
      EXEMPLAR_DATA_DIR: dir,
    })
    expect(code).not.toBe(0)
    expect(output).toContain('EXEMPLAR_DEMO=1')
    expect(countUsers(file)).toBe(0)
  }, 180_000)
})
