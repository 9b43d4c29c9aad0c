/**
 * The site process's one page store and change feed, shared by the cache
 * provider (provider.ts) and the /api proxy (a write made through this
 * site is followed by a poll, so the writer's next page shows it).
 */
import { clearCache } from '../cms/cache'
import { cmsUrl } from '../cms/client'
import { ChangeFeed } from './changeFeed'
import { PageStore } from './pageStore'
import { createWarmPath, WARM_PATH_KEY, type WarmPath } from './warmPath'

export const pageStore = new PageStore({ maxBytes: 64 * 1024 * 1024, maxPages: 5_000 })

export const changeFeed = new ChangeFeed({ cmsUrl, store: pageStore, onDrop: clearCache })

// site/server.mjs answers warm pages with this before Astro sees the request.
;(globalThis as { [WARM_PATH_KEY]?: WarmPath })[WARM_PATH_KEY] = createWarmPath(
  pageStore,
  changeFeed,
)

/** Writes that change no public page: votes and upload chunks (the hot paths) ask for no poll. */
const WRITES_WITHOUT_PAGES = ['/api/voting/', '/api/submissions/tus', '/api/submissions/uploads']

/**
 * After a write through the site's /api proxy succeeded, drop what it
 * changed before answering: the CMS recorded the change in the write's
 * transaction, so one poll now sees it. A failed poll costs the writer
 * nothing but the usual second.
 */
export async function freshenAfterWrite(method: string, pathname: string): Promise<void> {
  if (
    method === 'GET' ||
    method === 'HEAD' ||
    method === 'OPTIONS' ||
    WRITES_WITHOUT_PAGES.some((prefix) => pathname.startsWith(prefix))
  ) {
    return
  }
  await changeFeed.pollAfterNow().catch(() => undefined)
}
