import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_INPUT_PIXELS, reencodeImage } from './image'
import { FileRefused } from './refused'
import { writePngBomb } from './testFiles'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exemplar-image-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A 60×20 photo stored sideways (EXIF orientation 6) with GPS and camera tags. */
const sidewaysPhotoWithGps = () =>
  sharp({ create: { width: 60, height: 20, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()

describe('reencodeImage', () => {
  it('should apply the orientation to the pixels and drop EXIF and GPS', async () => {
    const input = await sidewaysPhotoWithGps()
    const before = await sharp(input).metadata()
    expect(before.orientation).toBe(6)
    expect(before.exif?.includes('PhoneMaker')).toBe(true)
    // The GPS IFD pointer tag (0x8825, little-endian).
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true)

    const out = await reencodeImage(input)
    expect(out).toMatchObject({ width: 20, height: 60, format: 'jpeg' })
    const after = await sharp(out.data).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect([after.width, after.height]).toEqual([20, 60])
  })

  it('should keep the input format unless told otherwise and fit inside a box when asked', async () => {
    const png = await sharp({
      create: { width: 400, height: 200, channels: 4, background: '#0000' },
    })
      .png()
      .toBuffer()
    expect((await reencodeImage(png)).format).toBe('png')
    const small = await reencodeImage(png, { format: 'webp', maxWidth: 100 })
    expect(small).toMatchObject({ width: 100, height: 50, format: 'webp' })
  })

  it('should refuse a decompression bomb with the pixel limit, not decode it', async () => {
    const path = join(dir, 'bomb.png')
    await writePngBomb(path, 10_000, 5_001)
    const started = performance.now()
    const err = await reencodeImage(path).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FileRefused)
    expect((err as FileRefused).code).toBe('image.tooManyPixels')
    expect((err as FileRefused).limit).toBe(MAX_INPUT_PIXELS)
    expect(performance.now() - started).toBeLessThan(1000)
  }, 20_000)

  it('should refuse a damaged picture', async () => {
    const input = await sidewaysPhotoWithGps()
    const err = await reencodeImage(input.subarray(0, input.length >> 1)).catch((e: unknown) => e)
    expect((err as FileRefused).code).toBe('file.damaged')
    expect((err as FileRefused).message).toBe('图片已损坏或无法打开，请重新导出后上传')
  })
})
