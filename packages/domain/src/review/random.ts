/**
 * A small seeded PRNG (mulberry32) so that reviewer assignment is the same
 * for the same seed on every machine and run: Math.random is never used.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A 32-bit seed from a number or a text (FNV-1a over its UTF-16 code units). */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'number') {
    return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0
  }
  let hash = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0
  }
  return hash
}

/** 0..n-1 in an order fixed by `random` (Fisher–Yates). */
export function shuffledIndices(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = order[i]!
    order[i] = order[j]!
    order[j] = tmp
  }
  return order
}
