import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FileRefused } from './refused'
import { makeZip } from './testFiles'
import { DEFAULT_ZIP_LIMITS, guardZip } from './zip'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exemplar-zip-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function put(data: Buffer): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.bin`)
  await writeFile(path, data)
  return path
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e as FileRefused).code,
  )

describe('guardZip', () => {
  const text = (n: number) => Buffer.from('医'.repeat(n))

  it('should return only the parts asked for', async () => {
    const path = await put(
      makeZip([
        { name: 'word/document.xml', data: text(10) },
        { name: 'word/media/image1.png', data: Buffer.alloc(100), store: true },
      ]),
    )
    const parts = await guardZip(path, (n) => n.endsWith('.xml'))
    expect([...parts.keys()]).toEqual(['word/document.xml'])
    expect(parts.get('word/document.xml')?.toString()).toBe('医'.repeat(10))
  })

  it('should accept inflated parts of exactly the cap and refuse one byte more', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: 3000 }
    const at = await put(makeZip([{ name: 'a.xml', data: Buffer.alloc(3000, 0x61), store: true }]))
    const over = await put(
      makeZip([{ name: 'a.xml', data: Buffer.alloc(3001, 0x61), store: true }]),
    )
    expect(await code(guardZip(at, () => true, limits))).toBe('accepted')
    expect(await code(guardZip(over, () => true, limits))).toBe('zip.tooLarge')
  })

  it('should refuse on the sum of declared sizes before inflating anything', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxDeclaredBytes: 1000 }
    const path = await put(
      makeZip([
        { name: 'a.bin', data: Buffer.alloc(600, 1), store: true },
        { name: 'b.bin', data: Buffer.alloc(401, 1), store: true },
      ]),
    )
    expect(await code(guardZip(path, () => false, limits))).toBe('zip.tooLarge')
    expect(await code(guardZip(path, () => false, { ...limits, maxDeclaredBytes: 1001 }))).toBe(
      'accepted',
    )
  })

  it('should refuse too many entries and too high a compression ratio', async () => {
    const many = await put(
      makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.xml`, data: text(1) }))),
    )
    expect(await code(guardZip(many, () => true, { ...DEFAULT_ZIP_LIMITS, maxEntries: 4 }))).toBe(
      'zip.tooLarge',
    )
    const dense = await put(makeZip([{ name: 'a.xml', data: Buffer.alloc(2 * 1024 * 1024) }]))
    expect(await code(guardZip(dense, () => false))).toBe('zip.tooLarge')
  })

  it('should call a file that is not a zip damaged', async () => {
    expect(await code(guardZip(await put(Buffer.from('not a zip at all')), () => true))).toBe(
      'file.damaged',
    )
  })
})
