/**
 * The share button (components/ShareButton.astro): the system share sheet
 * where the browser has one (phones), else the link copied to the clipboard,
 * else the link shown selected for copying by hand. The link is the page's
 * canonical og:url, without tracking parameters.
 */
import { localeFromLang } from '../i18n'
import { tv } from '../i18n/voting'

function pageLink(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')
  return meta?.content || window.location.href
}

async function share(island: HTMLElement): Promise<void> {
  const locale = localeFromLang(document.documentElement.lang)
  const status = island.querySelector('[data-share-status]')
  const manual = island.querySelector<HTMLInputElement>('[data-share-link]')
  const url = pageLink()
  const title = island.dataset.title || document.title
  const say = (text: string) => {
    if (status) {
      status.textContent = text
    }
  }
  if (typeof navigator.share === 'function' && (navigator.canShare?.({ title, url }) ?? true)) {
    try {
      await navigator.share({ title, url })
      say(tv(locale, 'share.shared'))
      return
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') {
        return
      }
      // Any other failure: fall through to the clipboard.
    }
  }
  try {
    await navigator.clipboard.writeText(url)
    say(tv(locale, 'share.copied'))
  } catch {
    say(tv(locale, 'share.manual'))
    if (manual) {
      manual.value = url
      manual.hidden = false
      manual.focus()
      manual.select()
    }
  }
}

export function initShareButtons(root: ParentNode = document): void {
  for (const island of root.querySelectorAll<HTMLElement>('[data-share]')) {
    const button = island.querySelector<HTMLButtonElement>('[data-share-button]')
    if (!button || island.dataset.shareReady) {
      continue
    }
    island.dataset.shareReady = 'true'
    button.hidden = false
    button.addEventListener('click', () => void share(island))
  }
}
