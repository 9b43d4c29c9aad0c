import os from 'node:os'

import sharp from 'sharp'

import { atMost } from '../lib/limit'

import { FileRefused } from './refused'

/**
 * Largest picture decoded, in pixels (width × height × frames). sharp's own
 * default (~268 MP) let a 600 KB PNG bomb take ~690 MB; 50 MP still takes a
 * 48 MP phone photo.
 */
export const MAX_INPUT_PIXELS = 50_000_000

export interface ReencodeOptions {
  /** Output format; default: the input's own (JPEG stays JPEG, PNG stays PNG, WebP stays WebP). */
  format?: 'jpeg' | 'png' | 'webp'
  /** Fit inside this box (never enlarged); default: the original size. */
  maxWidth?: number
  maxHeight?: number
  /** JPEG/WebP quality; default 90 (photos are judged on their quality). */
  quality?: number
  /**
   * mozjpeg's smaller JPEGs (default true). Off, a 3 MB photo encodes in ~0.1 s
   * instead of ~1.9 s here: the upload path turns it off to answer in time.
   */
  mozjpeg?: boolean
  /**
   * A second pass that builds optimal Huffman tables (default true). Off, a
   * 3 MB photo encodes in ~40 ms instead of ~100 ms and comes out ~7 % larger:
   * the upload path turns it off too.
   */
  optimiseCoding?: boolean
}

export interface ReencodedImage {
  data: Buffer
  width: number
  height: number
  format: string
}

const OUTPUT_FORMATS = new Set(['jpeg', 'png', 'webp'])

/**
 * Every decode of an uploaded picture (check, re-encode, sizes) runs through
 * this gate, one per core: more at once is no faster and leaves the process
 * holding more memory afterwards. Inside the gate each picture gets one
 * libvips thread (one per core inside each would only contend), and libvips
 * keeps no operation cache: every upload is a different picture, so the
 * cache (up to 50 MB) only held memory after the work.
 */
export const pictureWork = atMost(Math.max(1, os.availableParallelism()))
sharp.concurrency(1)
sharp.cache(false)

/**
 * A fresh encoding of an uploaded picture: orientation applied to the pixels
 * (`.rotate()` first, so the picture stays upright once the EXIF tag is gone),
 * then written without EXIF, GPS or XMP (sharp drops metadata unless asked),
 * keeping only the colour profile. Payload keeps the original bytes when no
 * resize runs (GPS included), so the endpoint stores this instead.
 */
export function reencodeImage(
  input: string | Buffer,
  opts: ReencodeOptions = {},
): Promise<ReencodedImage> {
  return pictureWork(() => reencode(input, opts))
}

async function reencode(input: string | Buffer, opts: ReencodeOptions): Promise<ReencodedImage> {
  try {
    let image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .keepIccProfile()
    if (opts.maxWidth || opts.maxHeight) {
      image = image.resize({
        width: opts.maxWidth,
        height: opts.maxHeight,
        fit: 'inside',
        withoutEnlargement: true,
      })
    }
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
    const source = OUTPUT_FORMATS.has(meta.format ?? '') ? (meta.format as 'jpeg') : 'jpeg'
    const format = opts.format ?? source
    const quality = opts.quality ?? 90
    if (format === 'jpeg') {
      image = image.jpeg({
        quality,
        mozjpeg: opts.mozjpeg ?? true,
        optimiseCoding: opts.optimiseCoding ?? true,
      })
    } else if (format === 'webp') {
      image = image.webp({ quality })
    } else {
      image = image.png({ compressionLevel: 9 })
    }
    const { data, info } = await image.toBuffer({ resolveWithObject: true })
    return { data, width: info.width, height: info.height, format: info.format }
  } catch (err) {
    const message = err instanceof Error ? err.message : ''
    if (/pixel limit/i.test(message)) {
      throw new FileRefused(
        'image.tooManyPixels',
        `图片像素过大，单张不超过 ${MAX_INPUT_PIXELS / 10_000} 万像素`,
        MAX_INPUT_PIXELS,
      )
    }
    throw new FileRefused('file.damaged', '图片已损坏或无法打开，请重新导出后上传')
  }
}
