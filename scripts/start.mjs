#!/usr/bin/env node
/**
 * `npm start`: build what is missing or stale, seed the embedded database when
 * it is empty, start the CMS and the site together and print both URLs.
 * `npm run dev` (`--dev`): the same with both dev servers and reload.
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { staleBuilds } from './builds.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const sitePort = Number(process.env.SITE_PORT ?? 4321)
const dataDir = process.env.EXEMPLAR_DATA_DIR ?? path.join(root, 'data')

const [major] = process.versions.node.split('.').map(Number)
if (major < 24) {
  console.error(`Exemplar needs Node 24 or newer; this is ${process.version}.`)
  process.exit(1)
}

/**
 * Production processes refuse the development secret. A demo machine without
 * PAYLOAD_SECRET gets a random one kept in the git-ignored data folder, so
 * sessions survive restarts and no two installations share a secret.
 */
function ensureSecret() {
  if (process.env.PAYLOAD_SECRET) {
    return process.env.PAYLOAD_SECRET
  }
  const file = path.join(dataDir, '.payload-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

const env = {
  ...process.env,
  PAYLOAD_SECRET: ensureSecret(),
  EXEMPLAR_DATA_DIR: dataDir,
  CMS_PORT: String(cmsPort),
  SITE_PORT: String(sitePort),
  CMS_URL: process.env.CMS_URL ?? `http://127.0.0.1:${cmsPort}`,
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
}

function run(label, args, options = {}) {
  console.info(`[start] ${label} …`)
  const started = Date.now()
  const result = spawnSync('npm', args, { cwd: root, env, stdio: 'inherit', ...options })
  if (result.status !== 0) {
    console.error(`[start] ${label} failed.`)
    process.exit(result.status ?? 1)
  }
  console.info(`[start] ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

if (!dev) {
  for (const workspace of staleBuilds(root)) {
    run(`building ${workspace}`, ['run', 'build', '-w', workspace])
  }
}

// The seed step also brings an embedded database's schema up to date: Payload
// pushes the SQLite schema only outside production, and this step runs there.
run('preparing the database', ['run', 'seed', '-w', '@exemplar/seed', '--', '--if-empty'], {
  env: { ...env, NODE_ENV: 'development' },
})

const children = []
function launch(name, args, cwd) {
  const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] })
  child.on('exit', (code, signal) => {
    console.info(`[start] ${name} exited (${signal ?? code})`)
    shutdown(code ?? 1)
  })
  children.push(child)
}

let stopping = false
function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  for (const child of children) {
    child.kill('SIGTERM')
  }
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

launch('cms', ['run', dev ? 'dev' : 'start', '-w', '@exemplar/cms'], root)
launch('site', ['run', dev ? 'dev' : 'start', '-w', '@exemplar/site'], root)

async function waitFor(url) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual' })
      if (res.status < 500) {
        return true
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

const cmsUrl = `http://localhost:${cmsPort}`
const siteUrl = `http://localhost:${sitePort}`
const [cmsUp, siteUp] = await Promise.all([
  waitFor(`${cmsUrl}/api/campaigns?limit=1`),
  waitFor(siteUrl),
])
if (!cmsUp || !siteUp) {
  console.error('[start] a server did not come up in 3 minutes')
  shutdown(1)
} else {
  console.info('')
  console.info(`  公众网站 / site:   ${siteUrl}`)
  console.info(
    `  管理后台 / admin:  ${cmsUrl}/admin   (demo accounts: see README or the seed output)`,
  )
  console.info('')
}
