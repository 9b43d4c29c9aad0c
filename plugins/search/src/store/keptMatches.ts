/**
 * What one text query matched, as the SQLite store read it at one index
 * generation: the entries newest first, the same ids ascending (to test
 * membership by halving), and the facet grouping of those entries.
 */
export interface KeptMatch {
  generation: number
  newest: Int32Array
  ascending: Int32Array
  combos: Record<string, unknown>[]
}

/** Whether `id` is among the ascending ids. */
export function holds(ascending: Int32Array, id: number): boolean {
  let lo = 0
  let hi = ascending.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const at = ascending[mid]!
    if (at === id) {
      return true
    }
    if (at < id) {
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return false
}

/**
 * Matches kept by text, least recently used out first, bounded both in
 * texts and in ids held altogether (8 bytes each), so a large index cannot
 * make the cache large. A kept match is only ever used at the generation it
 * was read at; the caller compares.
 */
export class KeptMatches {
  private readonly kept = new Map<string, KeptMatch>()
  private ids = 0

  constructor(
    private readonly maxTexts: number,
    private readonly maxIds: number,
  ) {}

  get(text: string, generation: number): KeptMatch | undefined {
    const known = this.kept.get(text)
    if (!known || known.generation !== generation) {
      return undefined
    }
    this.kept.delete(text)
    this.kept.set(text, known)
    return known
  }

  set(text: string, match: KeptMatch): void {
    this.drop(text)
    if (match.newest.length > this.maxIds) {
      return
    }
    this.kept.set(text, match)
    this.ids += match.newest.length
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.maxTexts && this.ids <= this.maxIds) {
        break
      }
      this.drop(oldest)
    }
  }

  get size(): number {
    return this.kept.size
  }

  private drop(text: string): void {
    const known = this.kept.get(text)
    if (known) {
      this.ids -= known.newest.length
      this.kept.delete(text)
    }
  }
}
