import { describe, expect, it } from 'vitest'

import { canonicalJson } from './canonical'

describe('canonicalJson', () => {
  it('should write the same text whatever the key order, nested', () => {
    const a = { title: '案例', sections: [{ heading: '背景', body: 'x' }], n: 1 }
    const b = { n: 1, sections: [{ body: 'x', heading: '背景' }], title: '案例' }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe(
      '{"n":1,"sections":[{"body":"x","heading":"背景"}],"title":"案例"}',
    )
  })

  it('should leave out undefined keys, keep nulls, and write dates as instants', () => {
    expect(canonicalJson({ a: undefined, b: null, c: new Date('2026-04-01T00:00:00+08:00') })).toBe(
      '{"b":null,"c":"2026-03-31T16:00:00.000Z"}',
    )
  })

  it('should keep array order, which is meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })
})
