import { chromium, type Browser } from 'playwright-core'

/** At most this many pages print at once: Chromium's memory, not the readers, sets the pace. */
const CONCURRENT_PRINTS = 2
const PRINT_TIMEOUT_MS = 30_000

let browser: Promise<Browser> | undefined
let running = 0
const waiting: (() => void)[] = []

/** Debian's Chromium, launched once on the first print and again if it went away. */
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    .then((b) => {
      b.on('disconnected', () => {
        browser = undefined
      })
      return b
    })
    .catch((error: unknown) => {
      browser = undefined
      throw error
    })
  return browser
}

async function slot(): Promise<() => void> {
  if (running >= CONCURRENT_PRINTS) {
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  running += 1
  return () => {
    running -= 1
    waiting.shift()?.()
  }
}

/**
 * One self-contained page to PDF. The page may load nothing from the
 * network (every request is refused), so a certificate's text can never
 * make the CMS fetch a URL; Chromium embeds the subset of the fonts used.
 */
export async function printPdf(html: string): Promise<Uint8Array> {
  const release = await slot()
  try {
    const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false })
    try {
      await context.route('**/*', (route) => route.abort())
      const page = await context.newPage()
      await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS })
      return await page.pdf({ preferCSSPageSize: true, printBackground: true })
    } finally {
      await context.close()
    }
  } finally {
    release()
  }
}
