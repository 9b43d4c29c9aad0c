import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { preferredEncoding } from './encoding'
import { PageStore, warmPage } from './pageStore'

const html = (text: string) => new TextEncoder().encode(`<!doctype html><p>${text.repeat(50)}</p>`)
const page = (text: string, tags: string[], expiresAt = Date.now() + 60_000) =>
  warmPage(html(text), { status: 200, headers: [], tags, storedAt: Date.now(), expiresAt })

describe('warmPage', () => {
  it('should keep the page in both encodings, each decoding to the same bytes', () => {
    const warm = page('合理膳食', [])
    expect(Buffer.from(brotliDecompressSync(warm.br)).equals(Buffer.from(warm.identity))).toBe(true)
    expect(Buffer.from(gunzipSync(warm.gzip)).equals(Buffer.from(warm.identity))).toBe(true)
    expect(warm.br.byteLength).toBeLessThan(warm.identity.byteLength / 5)
    expect(warm.etag).toBe(page('合理膳食', ['x']).etag)
    expect(warm.etag).not.toBe(page('控烟', []).etag)
  })
})

describe('PageStore', () => {
  it('should drop the pages carrying a changed tag, and only those', () => {
    const store = new PageStore({ maxBytes: 1e7, maxPages: 100 })
    store.set('/entries/1', page('a', ['entry:1', 'campaign:1']), store.epoch)
    store.set('/entries/2', page('b', ['entry:2', 'campaign:1']), store.epoch)
    store.set('/campaigns/x', page('c', ['campaign:1']), store.epoch)
    store.set('/', page('d', ['home']), store.epoch)
    expect(store.dropTagged(['entry:1'])).toBe(1)
    expect(store.get('/entries/1')).toBeUndefined()
    expect(store.get('/entries/2')).toBeDefined()
    expect(store.dropTagged(new Set(['campaign:1', 'nothing']))).toBe(2)
    expect([store.get('/entries/2'), store.get('/campaigns/x')]).toEqual([undefined, undefined])
    expect(store.get('/')).toBeDefined()
    store.dropAll()
    expect(store.size).toBe(0)
    expect(store.bytes).toBe(0)
  })

  it('should not keep a page whose render began before a drop', () => {
    const store = new PageStore({ maxBytes: 1e7, maxPages: 100 })
    const began = store.epoch
    store.dropTagged(['entry:9'])
    expect(store.set('/entries/1', page('a', ['entry:1']), began)).toBe(false)
    expect(store.get('/entries/1')).toBeUndefined()
    expect(store.set('/entries/1', page('a', ['entry:1']), store.epoch)).toBe(true)
  })

  it('should let a page go when its max-age runs out', () => {
    const store = new PageStore({ maxBytes: 1e7, maxPages: 100 })
    store.set('/', page('a', [], Date.now() + 1_000), store.epoch)
    expect(store.get('/', Date.now())).toBeDefined()
    expect(store.get('/', Date.now() + 1_000)).toBeUndefined()
    expect(store.size).toBe(0)
  })

  it('should stay within its bytes and pages, least recently read out first', () => {
    const one = page('x', ['t'])
    const size = one.identity.byteLength + one.br.byteLength + one.gzip.byteLength
    const store = new PageStore({ maxBytes: size * 4.5, maxPages: 100 })
    for (const key of ['/a', '/b', '/c', '/d']) {
      expect(store.set(key, page('x', ['t']), store.epoch)).toBe(true)
    }
    store.get('/a')
    store.set('/e', page('x', ['t']), store.epoch)
    expect(store.get('/b')).toBeUndefined()
    expect(['/a', '/c', '/d', '/e'].every((k) => store.get(k))).toBe(true)
    expect(store.bytes).toBeLessThanOrEqual(size * 4.5)
    const few = new PageStore({ maxBytes: 1e9, maxPages: 2 })
    for (const key of ['/a', '/b', '/c']) {
      few.set(key, page('x', []), few.epoch)
    }
    expect(few.size).toBe(2)
    // A dropped page leaves no tag behind that would drop a later one by mistake.
    expect(store.dropTagged(['t'])).toBe(4)
  })

  it('should refuse a page larger than a quarter of its bytes', () => {
    const store = new PageStore({ maxBytes: 100, maxPages: 10 })
    expect(store.set('/', page('big', []), store.epoch)).toBe(false)
  })
})

describe('preferredEncoding', () => {
  it('should prefer brotli, then gzip, honouring q=0 and *', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(preferredEncoding('gzip, br;q=0')).toBe('gzip')
    expect(preferredEncoding('deflate')).toBe('identity')
    expect(preferredEncoding('*')).toBe('br')
    expect(preferredEncoding('*;q=0')).toBe('identity')
    expect(preferredEncoding(null)).toBe('identity')
    expect(preferredEncoding(`gzip, ${'x'.repeat(300)}`)).toBe('identity')
  })
})
