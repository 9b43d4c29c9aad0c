#!/usr/bin/env node
/**
 * `npm start`: build what is missing or stale, seed the embedded database when
 * it is empty, start the CMS and the site together and print both URLs. It is
 * the one-command demo: the published demo accounts are seeded and active.
 * `npm start -- --production` (or EXEMPLAR_DEMO=0): the same without demo
 * mode — no demo data is seeded, HSTS is on, and the CMS refuses to start
 * while a published demo password still works. EXEMPLAR_DEMO=1 declares the
 * demo whatever the flag says.
 * `npm run dev` (`--dev`): the demo with both dev servers and reload.
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { staleBuilds } from './builds.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
// EXEMPLAR_DEMO, when set, decides (as in cms/src/lib/demo.ts); else --production does.
const demoFlag = process.env.EXEMPLAR_DEMO?.trim().toLowerCase()
const demo = demoFlag
  ? ['1', 'true', 'yes'].includes(demoFlag)
  : !process.argv.includes('--production')
const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const sitePort = Number(process.env.SITE_PORT ?? 4321)
const dataDir = process.env.EXEMPLAR_DATA_DIR ?? path.join(root, 'data')

const [major] = process.versions.node.split('.').map(Number)
if (major < 24) {
  console.error(`Exemplar needs Node 24 or newer; this is ${process.version}.`)
  process.exit(1)
}

/** Whether a TCP connection to the port on this address is accepted. */
function answers(port, host) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (result) => {
      socket.destroy()
      resolve(result)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.setTimeout(1_000, () => done(false))
  })
}

/** Why the port cannot be ours (bound on the server's address, or answered on localhost), or null. */
async function portProblem(port, host) {
  const bindError = await new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', (error) => resolve(error))
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)))
  })
  if (bindError) {
    return bindError.code === 'EADDRINUSE'
      ? `port ${port} is already in use on ${host}`
      : `port ${port} cannot be opened on ${host} (${bindError.code ?? bindError.message})`
  }
  // A server on ::1 or 127.0.0.1 alone leaves 0.0.0.0 bindable, yet the browser's
  // "localhost" would reach it instead of ours.
  for (const loopback of ['127.0.0.1', '::1']) {
    if (await answers(port, loopback)) {
      return `another process answers on ${loopback === '::1' ? '[::1]' : loopback}:${port}`
    }
  }
  return null
}

/** Fails fast, before any build, when a port is taken, naming the variable that moves it. */
async function checkPorts() {
  if (cmsPort === sitePort) {
    console.error(`[start] CMS_PORT and SITE_PORT are both ${cmsPort}; give them different ports.`)
    process.exit(1)
  }
  // The addresses the servers bind: cms/server.ts's default, the site's astro.config.mjs.
  const servers = [
    { variable: 'CMS_PORT', port: cmsPort, host: process.env.CMS_HOST ?? '0.0.0.0', other: 3100 },
    { variable: 'SITE_PORT', port: sitePort, host: process.env.HOST ?? '127.0.0.1', other: 4400 },
  ]
  let failed = false
  for (const { variable, port, host, other } of servers) {
    const problem = await portProblem(port, host)
    if (problem) {
      failed = true
      console.error(
        `[start] ${problem}: 端口 ${port} 已被占用。请换一个空闲端口，例如 ${variable}=${other} npm start` +
          ` / set ${variable} to a free port.`,
      )
    }
  }
  if (failed) {
    process.exit(1)
  }
}

await checkPorts()

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

// Echoed by both servers in a response header: only a server this start
// launched knows it, so another process on a port is never taken for ours.
const startNonce = crypto.randomBytes(16).toString('hex')

const env = {
  ...process.env,
  PAYLOAD_SECRET: ensureSecret(),
  EXEMPLAR_DATA_DIR: dataDir,
  EXEMPLAR_DEMO: demo ? '1' : '0',
  EXEMPLAR_START_NONCE: startNonce,
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
// It writes the demo data into an empty database only in demo mode.
run('preparing the database', ['run', 'seed', '-w', '@exemplar/seed', '--', '--if-empty'], {
  env: { ...env, NODE_ENV: 'development' },
})

const children = []
let stopping = false
function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  // The timer below is unref'd: once the children are gone Node may leave before it fires.
  process.exitCode = code
  for (const child of children) {
    try {
      // The whole group: npm runs the server under `sh -c`, which passes no signal on.
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

function launch(name, args) {
  // A process group of its own, so shutdown reaches the server itself, not only npm.
  const child = spawn('npm', args, {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  child.on('exit', (code, signal) => {
    if (stopping) {
      return
    }
    // A server that leaves on its own has failed, whatever its exit code.
    console.error(`[start] ${name} exited (${signal ?? code}); stopping.`)
    shutdown(code || 1)
  })
  children.push(child)
}

launch('cms', ['run', dev ? 'dev' : 'start', '-w', '@exemplar/cms'])
launch('site', ['run', dev ? 'dev' : 'start', '-w', '@exemplar/site'])

/** Until the server we started (it echoes our nonce) answers, or a child died. */
async function waitFor(url) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url, { redirect: 'manual' })
      if (res.status < 500 && res.headers.get('x-exemplar-start') === startNonce) {
        return true
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

/** Where this machine reaches a server bound to the given address. */
function local(host, port) {
  const bound = !host || ['0.0.0.0', '::'].includes(host) ? '127.0.0.1' : host
  return `http://${bound.includes(':') ? `[${bound}]` : bound}:${port}`
}

const cmsUrl = `http://localhost:${cmsPort}`
const siteUrl = `http://localhost:${sitePort}`
// The site's home page reads the CMS: asked before the CMS is up, it logs an
// error per try (CmsUnavailable) in the reader's terminal. So the CMS first.
const cmsUp = await waitFor(`${local(process.env.CMS_HOST, cmsPort)}/api/campaigns?limit=1`)
const siteUp = cmsUp && (await waitFor(`${local(process.env.HOST, sitePort)}/`))
if (stopping) {
  // A child died; its exit handler is already shutting down with its code.
} else if (!cmsUp || !siteUp) {
  console.error('[start] a server did not come up in 3 minutes')
  shutdown(1)
} else {
  console.info('')
  console.info(`  公众网站 / site:   ${siteUrl}`)
  console.info(`  管理后台 / admin:  ${cmsUrl}/admin`)
  console.info('')
  if (demo) {
    console.warn(
      [
        '  ⚠ 演示模式：演示账号及其公开密码（见 README 或上面的 seed 输出）已启用，任何人都能用它们登录。',
        '    Demo mode: the demo accounts with the passwords published in the README are active.',
        '    生产环境请用 / for production use:  npm start -- --production',
        '',
      ].join('\n'),
    )
  }
}
