import yauzl from 'yauzl'

import { FileRefused } from './refused'

/** Limits on an OOXML (.docx/.pptx) package before anything inflates it. */
export interface ZipLimits {
  /** Sum of every entry's declared uncompressed size. */
  maxDeclaredBytes: number
  /** Bytes actually inflated while reading the parts a text extractor reads. */
  maxInflatedBytes: number
  /** Declared uncompressed / compressed for one entry, above `ratioFloorBytes`. */
  maxRatio: number
  /** Entries smaller than this never count as a bomb, whatever their ratio. */
  ratioFloorBytes: number
  maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxDeclaredBytes: 512 * 1024 * 1024,
  maxInflatedBytes: 20 * 1024 * 1024,
  // Word XML compresses 10–30×; several hundred times is what bombs do.
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
}

const TOO_BIG = () =>
  new FileRefused('zip.tooLarge', '文档解压后过大，疑似异常文件，请另存后重新上传')
const DAMAGED = () => new FileRefused('file.damaged', '文档已损坏或无法打开，请另存后重新上传')

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    )
  })
}

/** Inflate one entry, stopping (and destroying the stream) the moment `budget` bytes are passed. */
function readCapped(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('no stream'))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > budget) {
          stream.destroy()
          reject(TOO_BIG())
          return
        }
        chunks.push(chunk)
      })
      // yauzl stops a stream that inflates past its declared size: a lie about the size is a bomb.
      stream.on('error', (e: Error) => reject(/too many bytes/i.test(e.message) ? TOO_BIG() : e))
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

/**
 * Walk a .docx/.pptx package: refuse it on declared sizes, entry count and
 * compression ratio before inflating anything, then inflate the parts that
 * `wanted` selects (the XML a text extractor reads) with a hard cap on the
 * actual bytes, since declared sizes can lie. Returns the parts read.
 */
export async function guardZip(
  filePath: string,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile
  try {
    zip = await openZip(filePath)
  } catch {
    throw DAMAGED()
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw TOO_BIG()
    }
    const entries: yauzl.Entry[] = []
    let declared = 0
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
        if (
          declared > limits.maxDeclaredBytes ||
          (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
        ) {
          reject(TOO_BIG())
          return
        }
        entries.push(entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve())
      zip.on('error', reject)
      zip.readEntry()
    })

    const parts = new Map<string, Buffer>()
    let budget = limits.maxInflatedBytes
    for (const entry of entries) {
      if (!wanted(entry.fileName) || entry.fileName.endsWith('/')) {
        continue
      }
      if (entry.uncompressedSize > budget) {
        throw TOO_BIG()
      }
      const data = await readCapped(zip, entry, budget)
      budget -= data.length
      parts.set(entry.fileName, data)
    }
    return parts
  } catch (err) {
    if (err instanceof FileRefused) {
      throw err
    }
    throw DAMAGED()
  } finally {
    zip.close()
  }
}
