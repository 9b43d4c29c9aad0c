/**
 * Which production builds are missing or older than their sources: used by
 * `npm start` (scripts/start.mjs) and by the tests and benchmarks that start
 * the built servers, so none of them runs a build that lags the code.
 */
import fs from 'node:fs'
import path from 'node:path'

const SKIPPED = new Set(['node_modules', '.next', 'dist', '.astro', 'test'])
// Tests beside the code are not in any build: editing one must not rebuild under a running suite.
const TEST_FILE = /\.test\.tsx?$/

/** Newest modification time under the given paths (files only). */
function newest(paths) {
  let latest = 0
  const visit = (p) => {
    let stat
    try {
      stat = fs.statSync(p)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) {
        if (!SKIPPED.has(name) && !TEST_FILE.test(name)) {
          visit(path.join(p, name))
        }
      }
    } else {
      latest = Math.max(latest, stat.mtimeMs)
    }
  }
  paths.forEach(visit)
  return latest
}

function isStale(marker, sources) {
  if (!fs.existsSync(marker)) {
    return true
  }
  return newest(sources) > fs.statSync(marker).mtimeMs
}

/**
 * The workspaces (`@exemplar/cms`, `@exemplar/site`) whose build must be
 * (re)made. Both bundle the plugins (the CMS their config and servers, the
 * site their shared rules) and `packages/domain`; the site copies `public/`.
 */
export function staleBuilds(root) {
  const cms = path.join(root, 'cms')
  const site = path.join(root, 'site')
  const plugins = path.join(root, 'plugins')
  const packages = path.join(root, 'packages')
  const stale = []
  if (
    isStale(path.join(cms, '.next', 'BUILD_ID'), [
      path.join(cms, 'src'),
      path.join(cms, 'next.config.mjs'),
      plugins,
      packages,
    ])
  ) {
    stale.push('@exemplar/cms')
  }
  if (
    isStale(path.join(site, 'dist', 'server', 'entry.mjs'), [
      path.join(site, 'src'),
      path.join(site, 'public'),
      path.join(site, 'astro.config.mjs'),
      plugins,
      packages,
    ])
  ) {
    stale.push('@exemplar/site')
  }
  return stale
}
