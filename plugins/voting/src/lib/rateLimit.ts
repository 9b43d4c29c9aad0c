/**
 * Fixed-window counters in memory, one map per limit. Cheap enough for the
 * vote hot path; a second CMS process would need a shared store (Redis),
 * which the single-writer design does not have.
 */
export class WindowLimiter {
  private counts = new Map<string, number>()
  private windowStart = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit for `key`; `false` when the key is over its limit in this window. */
  hit(key: string, now = Date.now()): boolean {
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear()
      this.windowStart = now - (now % this.windowMs)
    }
    const count = (this.counts.get(key) ?? 0) + 1
    this.counts.set(key, count)
    return count <= this.limit
  }

  /** Seconds until the current window ends. */
  retryAfter(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000))
  }
}
