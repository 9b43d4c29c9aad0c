import { describe, expect, it } from 'vitest'

import { holds, KeptMatches, type KeptMatch } from './keptMatches'

const match = (generation: number, ids: number[]): KeptMatch => {
  const newest = Int32Array.from(ids)
  return { generation, newest, ascending: newest.slice().sort(), combos: [] }
}

describe('holds', () => {
  it('should find exactly the ids present, at either end and between', () => {
    const ascending = Int32Array.from([2, 5, 9, 40, 41])
    for (const id of [2, 5, 9, 40, 41]) {
      expect(holds(ascending, id), String(id)).toBe(true)
    }
    for (const id of [0, 3, 10, 39, 42]) {
      expect(holds(ascending, id), String(id)).toBe(false)
    }
    expect(holds(new Int32Array(0), 1)).toBe(false)
  })
})

describe('KeptMatches', () => {
  it('should give a match back only at the generation it was read at', () => {
    const kept = new KeptMatches(4, 100)
    kept.set('a', match(3, [1, 2]))
    expect(kept.get('a', 3)?.newest).toEqual(Int32Array.from([1, 2]))
    expect(kept.get('a', 4)).toBeUndefined()
    expect(kept.get('b', 3)).toBeUndefined()
  })

  it('should drop the least recently used text past its bound in texts', () => {
    const kept = new KeptMatches(2, 100)
    kept.set('a', match(1, [1]))
    kept.set('b', match(1, [2]))
    kept.get('a', 1)
    kept.set('c', match(1, [3]))
    expect(kept.size).toBe(2)
    expect(kept.get('b', 1)).toBeUndefined()
    expect(kept.get('a', 1)).toBeDefined()
    expect(kept.get('c', 1)).toBeDefined()
  })

  it('should hold no more ids than its bound, counting a text set again only once', () => {
    const kept = new KeptMatches(10, 5)
    kept.set('a', match(1, [1, 2, 3]))
    kept.set('a', match(2, [1, 2, 3]))
    expect(kept.get('a', 2)).toBeDefined()
    kept.set('b', match(2, [4, 5, 6]))
    expect(kept.get('a', 2)).toBeUndefined()
    expect(kept.get('b', 2)).toBeDefined()
    kept.set('huge', match(2, [1, 2, 3, 4, 5, 6]))
    expect(kept.get('huge', 2)).toBeUndefined()
    expect(kept.get('b', 2)).toBeDefined()
  })
})
