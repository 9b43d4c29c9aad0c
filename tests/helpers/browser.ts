import { chromium, type Browser, type Page } from 'playwright-core'

/**
 * Debian's Chromium, never a downloaded browser; the flags keep it off the
 * closed network. Playwright gives each launch a fresh temporary profile.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Closes contexts and the browser, each given at most `ms`: a Chromium that
 * stops answering at the end of a file (seen once in CI, after every test had
 * passed) must not hold the run for the 10-minute hook timeout.
 */
export async function closeChromium(
  browser: Browser | undefined,
  contexts: ({ close: () => Promise<void> } | undefined)[] = [],
  ms = 15_000,
): Promise<void> {
  const bounded = async (work: (() => Promise<void>) | undefined) => {
    if (!work) {
      return
    }
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      work().catch(() => {}),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms)
      }),
    ])
    clearTimeout(timer)
  }
  for (const context of contexts) {
    await bounded(context && (() => context.close()))
  }
  await bounded(browser && (() => browser.close()))
}

/** Signs in to the Payload admin in the page and waits until it has left the login screen. */
export async function signInToAdmin(
  page: Page,
  cmsUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${cmsUrl}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}
