/**
 * A seeded generator (mulberry32): the demo data is the same on every run and
 * every machine, which is what makes `npm run seed` idempotent.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) {
      throw new Error('pick from an empty list')
    }
    return items[int(0, items.length - 1)] as T
  }
  return { next, int, pick }
}

export type Random = ReturnType<typeof seededRandom>

/** A stable 32-bit hash of a string, to derive one generator per campaign. */
export function hashString(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}
