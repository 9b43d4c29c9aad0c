import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { staleBuilds } from '../../scripts/builds.mjs'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The site's server as `npm start` runs it: Astro's built handler behind the warm path. */
export const siteServer = path.join(repoRoot, 'site', 'server.mjs')

/** A port the kernel says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Builds the CMS and the site when a build is missing or older than its
 * sources, so `npm test` works on a fresh clone and never runs stale code.
 */
export function ensureBuilt(): void {
  for (const workspace of staleBuilds(repoRoot)) {
    const result = spawnSync('npm', ['run', 'build', '-w', workspace], {
      cwd: repoRoot,
      stdio: 'inherit',
      // A production build whatever the runner's NODE_ENV (vitest sets `test`, under which
      // Astro builds in development mode: report-only CSP, no HSTS).
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (result.status !== 0) {
      throw new Error(`npm run build -w ${workspace} failed`)
    }
  }
}

export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${url}: server exited with ${child.exitCode}`)
    }
    try {
      const res = await fetch(url, { redirect: 'manual' })
      if (res.status < 500) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/**
 * The command `npm start` runs in `cms/` (its package.json "start" script:
 * environment assignments, then `node` with its flags and `server.ts`), split
 * so a test starts the very same server as one process of its own, without
 * npm in between: a SIGKILL then reaches the server itself. CMS_NODE_FLAGS
 * adds Node flags for a look inside (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
 */
export function cmsStartCommand(): { env: Record<string, string>; args: string[] } {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'cms', 'package.json'), 'utf8'),
  ) as { scripts: Record<string, string> }
  const words = manifest.scripts.start!.split(/\s+/).filter(Boolean)
  const nodeAt = words.indexOf('node')
  if (nodeAt < 0) {
    throw new Error(`cms "start" script does not run node: ${manifest.scripts.start}`)
  }
  const env = Object.fromEntries(
    words.slice(0, nodeAt).map((word) => {
      const at = word.indexOf('=')
      return [word.slice(0, at), word.slice(at + 1)]
    }),
  )
  const extra = process.env.CMS_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
  return { env, args: [...extra, ...words.slice(nodeAt + 1)] }
}

export interface RunningCms {
  url: string
  child: ChildProcess
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>
}

/**
 * The CMS server alone (Next.js admin and REST plus the voting fast path), in
 * production mode on an existing database, as `npm start` runs it. Used where
 * a test or benchmark needs to kill and restart the process.
 */
export async function startCms(options: {
  databaseUri: string
  dataDir: string
  port?: number
  secret?: string
}): Promise<RunningCms> {
  ensureBuilt()
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const start = cmsStartCommand()
  const child = spawn(process.execPath, start.args, {
    cwd: path.join(repoRoot, 'cms'),
    env: {
      ...process.env,
      ...start.env,
      DATABASE_URI: options.databaseUri,
      EXEMPLAR_DATA_DIR: options.dataDir,
      PAYLOAD_SECRET: options.secret ?? 'test-secret',
      CMS_PORT: String(port),
      CMS_HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.resume()
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await exited
    }
  }
  try {
    await waitForHttp(`${url}/api/voting/leaderboard?campaign=-`, child)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, child, stop }
}

/** A command run to its end without blocking the event loop: its exit status and output. */
function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (status) =>
      resolve({ status, output: Buffer.concat(chunks).toString('utf8') }),
    )
  })
}

export interface RunningSite {
  url: string
  stop: () => Promise<void>
}

/** One more site process (the built Astro server) reading the CMS at `cmsUrl`, as a second replica would. */
export async function startSite(
  cmsUrl: string,
  env: Record<string, string> = {},
): Promise<RunningSite> {
  ensureBuilt()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [siteServer], {
    cwd: path.join(repoRoot, 'site'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SITE_PORT: String(port),
      CMS_URL: cmsUrl,
      SITE_PUBLIC_URL: url,
      EXEMPLAR_DEMO: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const stop = async () => {
    child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 200))
  }
  try {
    await waitForHttp(`${url}/`, child)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}

export interface RunningStack {
  cmsUrl: string
  siteUrl: string
  dataDir: string
  stop: () => Promise<void>
}

/**
 * The production stack as `npm start` runs it (demo mode declared), on free
 * ports and a fresh data folder: the demo seed into a new SQLite file, the CMS's own server (Next.js
 * plus the voting fast path) and the built Astro server for the site.
 */
export interface StackOptions {
  env?: Record<string, string>
  /** Runs after the seed, before the CMS starts, with the stack's environment (benchmarks add data). */
  afterSeed?: (env: Record<string, string | undefined>) => Promise<void>
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  return launchStack(await planStack(), options)
}

/** Where a stack will run: its data folder and two free ports, known before anything starts. */
export interface StackPlan {
  dataDir: string
  cmsPort: number
  sitePort: number
}

export async function planStack(): Promise<StackPlan> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-http-'))
  return { dataDir, cmsPort: await freePort(), sitePort: await freePort() }
}

/** Build if stale, seed, and start the CMS and the site where the plan says. */
export async function launchStack(
  plan: StackPlan,
  options: StackOptions = {},
): Promise<RunningStack> {
  ensureBuilt()
  const { dataDir, cmsPort, sitePort } = plan
  const cmsUrl = `http://127.0.0.1:${cmsPort}`
  const env = {
    ...process.env,
    EXEMPLAR_DATA_DIR: dataDir,
    DATABASE_URI: `file:${path.join(dataDir, 'exemplar.db')}`,
    PAYLOAD_SECRET: 'http-test-secret',
    CMS_PORT: String(cmsPort),
    CMS_HOST: '127.0.0.1',
    SITE_PORT: String(sitePort),
    PORT: String(sitePort),
    HOST: '127.0.0.1',
    CMS_URL: cmsUrl,
    SITE_PUBLIC_URL: `http://127.0.0.1:${sitePort}`,
    // Cookie-authenticated writes (the admin, the site's forms) come from these origins only.
    EXEMPLAR_ORIGINS: `${cmsUrl},http://127.0.0.1:${sitePort}`,
    // The stack is a demo: it seeds the published demo accounts, which a CMS in
    // production mode (NODE_ENV=production without demo mode) refuses to run with.
    EXEMPLAR_DEMO: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  }
  // Not spawnSync: the test runner's own process keeps scheduling files while the seed runs.
  const seeded = await runToEnd('npm', ['run', 'seed', '-w', '@exemplar/seed'], {
    cwd: repoRoot,
    env: { ...env, NODE_ENV: 'development' },
  })
  if (seeded.status !== 0) {
    throw new Error(`seed failed:\n${seeded.output}`)
  }
  await options.afterSeed?.(env)
  const children: ChildProcess[] = []
  const launch = (args: string[], cwd: string, own: Record<string, string> = {}) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...env, NODE_ENV: 'production', ...own },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.resume()
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    children.push(child)
    return child
  }
  const start = cmsStartCommand()
  const cms = launch(start.args, path.join(repoRoot, 'cms'), start.env)
  const site = launch([siteServer], path.join(repoRoot, 'site'))
  const stop = async () => {
    for (const child of children) {
      child.kill('SIGTERM')
    }
    await new Promise((r) => setTimeout(r, 300))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await Promise.all([
      waitForHttp(`${cmsUrl}/api/campaigns?limit=1`, cms),
      waitForHttp(`http://127.0.0.1:${sitePort}/`, site),
    ])
  } catch (error) {
    await stop()
    throw error
  }
  return { cmsUrl, siteUrl: `http://127.0.0.1:${sitePort}`, dataDir, stop }
}
