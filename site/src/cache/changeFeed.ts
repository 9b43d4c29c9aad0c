import { FRESHNESS_OVERLAP_MS, FRESHNESS_POLL_MS } from '@exemplar/domain'

import type { PageStore } from './pageStore'

interface ChangesAnswer {
  now: number
  changes: { id: number | string; at: number; tags: string[] }[]
  reset: boolean
}

export interface ChangeFeedOptions {
  /** The CMS's base URL as it is now. */
  cmsUrl: () => string
  store: PageStore
  /** Called after pages were dropped: the site's read cache goes too. */
  onDrop: () => void
  intervalMs?: number
}

/** No answer for this long and the warm pages may be stale: they are neither served nor kept. */
export const FEED_HEALTHY_MS = 4_000
const POLL_TIMEOUT_MS = 3_000

/**
 * One site process's view of what changed in the CMS: every second it asks
 * `GET /api/freshness/changes` what was recorded since the last answer
 * (less an overlap, changes already applied known by id) and drops the
 * pages carrying those tags. It keeps no clock of its own: `since` is the
 * CMS's `now`.
 */
export class ChangeFeed {
  readonly #options: ChangeFeedOptions
  #since: number | null = null
  #okAt = Number.NEGATIVE_INFINITY
  readonly #applied = new Map<string, number>()
  #timer: ReturnType<typeof setTimeout> | undefined
  #polling: Promise<void> | undefined

  constructor(options: ChangeFeedOptions) {
    this.#options = options
  }

  /** Whether the last answer is recent enough to trust the warm pages. */
  healthy(now = Date.now()): boolean {
    return now - this.#okAt < FEED_HEALTHY_MS
  }

  /** Begin polling (once); the first poll starts now. */
  start(): void {
    if (this.#timer !== undefined || this.#polling) {
      return
    }
    const loop = async () => {
      await this.poll().catch(() => undefined)
      this.#timer = setTimeout(() => void loop(), this.#options.intervalMs ?? FRESHNESS_POLL_MS)
      this.#timer.unref?.()
    }
    void loop()
  }

  stop(): void {
    clearTimeout(this.#timer)
  }

  /** One question to the CMS, and the drops it calls for. Concurrent callers share it. */
  poll(): Promise<void> {
    this.#polling ??= this.#pollOnce().finally(() => {
      this.#polling = undefined
    })
    return this.#polling
  }

  /** A poll that begins after this call: one already in flight may have asked before a write committed. */
  async pollAfterNow(): Promise<void> {
    await this.#polling?.catch(() => undefined)
    return this.poll()
  }

  async #pollOnce(): Promise<void> {
    const query =
      this.#since === null ? '' : `?since=${Math.max(0, this.#since - FRESHNESS_OVERLAP_MS)}`
    const res = await fetch(`${this.#options.cmsUrl()}/api/freshness/changes${query}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(POLL_TIMEOUT_MS),
    })
    if (!res.ok) {
      throw new Error(`freshness feed: CMS answered ${res.status}`)
    }
    const answer = (await res.json()) as ChangesAnswer
    const { store } = this.#options
    if (answer.reset) {
      store.dropAll()
      this.#applied.clear()
      this.#options.onDrop()
    } else {
      const tags = new Set<string>()
      for (const change of answer.changes) {
        const id = String(change.id)
        if (!this.#applied.has(id)) {
          this.#applied.set(id, change.at)
          change.tags.forEach((tag) => tags.add(tag))
        }
      }
      if (tags.size > 0) {
        store.dropTagged(tags)
        this.#options.onDrop()
      }
    }
    // Ids older than any later overlap can reach are forgotten.
    for (const [id, at] of this.#applied) {
      if (at < answer.now - 2 * FRESHNESS_OVERLAP_MS) {
        this.#applied.delete(id)
      }
    }
    this.#since = answer.now
    this.#okAt = Date.now()
  }
}
