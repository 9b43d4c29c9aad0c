import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { freePort, repoRoot, siteServer, waitForHttp } from '../helpers/servers'

/**
 * The security headers of both servers on the demo stack (tests/http/
 * globalSetup.ts), and Chromium loading the admin and a site page with a
 * vote button under those policies without a single violation.
 */
const stack = { cmsUrl: inject('cmsUrl'), siteUrl: inject('siteUrl') }
let browser: Browser

const YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
  new Date(),
)
/** The seeded campaign whose vote is open today (tests/http/voting.http.spec.ts). */
const VOTING = `/campaigns/yizhe-xianxing-${YEAR}/entries`

/** One directive of a CSP header, e.g. `script-src 'self'`, or undefined. */
function directive(csp: string | null, name: string): string | undefined {
  return csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d === name || d.startsWith(`${name} `))
}

function expectCommonHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  // The stack runs in demo mode: HSTS belongs to production mode only.
  expect(res.headers.get('strict-transport-security')).toBeNull()
}

function expectApiPolicy(res: Response): void {
  expectCommonHeaders(res)
  const csp = res.headers.get('content-security-policy')
  expect(directive(csp, 'default-src')).toBe("default-src 'none'")
  expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'")
  expect(res.headers.get('x-frame-options')).toBe('DENY')
}

/** Every <script> that a browser would run without a src: these need 'unsafe-inline'. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attrs) => !/\bsrc=/.test(attrs) && !/type="application\/(?:ld\+)?json"/.test(attrs))
}

async function mediaPath(): Promise<string> {
  const res = await fetch(`${stack.cmsUrl}/api/media?limit=1&depth=0&where[mimeType][like]=image`)
  const { docs } = (await res.json()) as { docs: { url: string }[] }
  expect(docs).toHaveLength(1)
  return new URL(docs[0]!.url, stack.cmsUrl).pathname
}

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the site’s headers', () => {
  it('should send a CSP without inline scripts and the framing, sniffing and referrer rules on a page', async () => {
    const res = await fetch(`${stack.siteUrl}/`)
    expect(res.status).toBe(200)
    expectCommonHeaders(res)
    const csp = res.headers.get('content-security-policy')
    expect(directive(csp, 'script-src')).toBe("script-src 'self'")
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'")
    expect(directive(csp, 'object-src')).toBe("object-src 'none'")
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it.each(['/', VOTING, '/login', '/register', '/en/', '/no-such-page'])(
    'should serve %s with no script that needs unsafe-inline',
    async (pathname) => {
      const res = await fetch(`${stack.siteUrl}${pathname}`)
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(inlineScripts(await res.text())).toEqual([])
    },
  )

  it('should keep the CMS’s API policy on a media file served through the site', async () => {
    const res = await fetch(`${stack.siteUrl}${await mediaPath()}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\//)
    expectApiPolicy(res)
  })
})

describe('the CMS’s headers', () => {
  it('should answer the REST API with a policy that lets nothing run or frame it', async () => {
    const res = await fetch(`${stack.cmsUrl}/api/campaigns?limit=1&depth=0`)
    expect(res.status).toBe(200)
    expectApiPolicy(res)
  })

  it('should put the same policy on the fast paths', async () => {
    const res = await fetch(`${stack.cmsUrl}/api/voting/leaderboard?campaign=-`)
    expectApiPolicy(res)
  })

  it('should serve a media file with nosniff and the API policy', async () => {
    const res = await fetch(`${stack.cmsUrl}${await mediaPath()}`)
    expect(res.status).toBe(200)
    expectApiPolicy(res)
  })

  it('should give the admin login page a fresh script nonce that every script carries', async () => {
    const nonces: string[] = []
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${stack.cmsUrl}/admin/login`)
      expect(res.status).toBe(200)
      expectCommonHeaders(res)
      const csp = res.headers.get('content-security-policy')
      const script = directive(csp, 'script-src') ?? ''
      expect(script).not.toContain('unsafe-inline')
      expect(script).not.toContain('unsafe-eval')
      expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'")
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      const nonce = /'nonce-([^']+)'/.exec(script)?.[1] ?? ''
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      const scripts = [...(await res.text()).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!)
      expect(scripts.length).toBeGreaterThan(0)
      expect(scripts.filter((attrs) => !attrs.includes(`nonce="${nonce}"`))).toEqual([])
      nonces.push(nonce)
    }
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('should never let a request’s own CSP header choose the nonce', async () => {
    const res = await fetch(`${stack.cmsUrl}/admin/login`, {
      headers: { 'content-security-policy': "script-src 'nonce-chosenByTheClient'" },
    })
    const html = await res.text()
    expect(html).not.toContain('chosenByTheClient')
    expect(res.headers.get('content-security-policy')).not.toContain('chosenByTheClient')
  })
})

describe('HSTS in production mode', () => {
  let site: ChildProcess | undefined

  afterAll(() => {
    site?.kill('SIGTERM')
  })

  it('should send Strict-Transport-Security from a site started without demo mode', async () => {
    const port = await freePort()
    site = spawn(process.execPath, [siteServer], {
      cwd: path.join(repoRoot, 'site'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        EXEMPLAR_DEMO: '0',
        HOST: '127.0.0.1',
        PORT: String(port),
        CMS_URL: stack.cmsUrl,
      },
      stdio: 'ignore',
    })
    await waitForHttp(`http://127.0.0.1:${port}/`, site)
    const res = await fetch(`http://127.0.0.1:${port}/`)
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })
})

/** Collects CSP violations (and console errors naming the policy) from a page. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = []
  await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void })
        .reportCspViolation
      report(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      seen.push(message.text())
    }
  })
  return seen
}

describe('the policies in Chromium', () => {
  it('should load the admin login page and sign an editor in without a CSP violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    const violations = await watchViolations(page)
    await page.goto(`${stack.cmsUrl}/admin/login`)
    await page.fill('#field-email', 'editor@example.org')
    await page.fill('#field-password', 'exemplar-editor')
    await page.click('button[type=submit]')
    await page.waitForURL((url) => !url.pathname.endsWith('/login'))
    // The dashboard is rendered by React on the client: it ran under the policy.
    await page.locator('.dashboard').waitFor({ state: 'visible' })
    await page.goto(`${stack.cmsUrl}/admin/collections/campaigns`)
    await page.locator('.collection-list').waitFor({ state: 'visible' })
    expect(violations).toEqual([])
    await context.close()
  })

  it('should run a site page’s vote buttons without a CSP violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    const violations = await watchViolations(page)
    await page.goto(`${stack.siteUrl}${VOTING}`)
    // The buttons stay hidden until the bundled script shows them: it ran under the policy.
    await page.locator('[data-vote-button]').first().waitFor({ state: 'visible' })
    await page.goto(`${stack.siteUrl}/login`)
    expect(violations).toEqual([])
    await context.close()
  })
})
