/**
 * Real files built in tests, byte by byte where no encoder is installed (no
 * ffmpeg here): a zip writer that can lie about sizes, minimal .docx/.pptx
 * packages, WAV, MP3 frames, an MP4 with only `ftyp` + `moov/mvhd`, and a PNG
 * decompression bomb streamed to disk. Test-only; nothing in the plugin uses it.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { crc32, createDeflate, deflateRawSync } from 'node:zlib'

export interface ZipEntrySpec {
  name: string
  data: Buffer
  /** Keep the bytes as they are instead of deflating them. */
  store?: boolean
  /** Write this uncompressed size in the headers instead of the true one. */
  declaredSize?: number
}

/** A zip archive (PKZIP 2.0, no data descriptors). */
export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const body = entry.store ? entry.data : deflateRawSync(entry.data)
    const crc = crc32(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    const method = entry.store ? 0 : 8

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, body)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

/** The XML of a Word body with one paragraph per string. */
export function documentXml(paragraphs: string[]): string {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
}

/** A .docx Word opens: content types, package relationships, the document. */
export function makeDocx(paragraphs: string[], extra: ZipEntrySpec[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(DOCX_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(DOCX_RELS) },
    { name: 'word/document.xml', data: Buffer.from(documentXml(paragraphs)) },
    ...extra,
  ])
}

/** A .pptx package with its presentation part. */
export function makePptx(): Buffer {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>`
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>`
  const presentation = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>`
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'ppt/presentation.xml', data: Buffer.from(presentation) },
  ])
}

/** 8-bit mono PCM WAV of silence: 8000 bytes a second. */
export function makeWav(seconds: number, sampleRate = 8000): Buffer {
  const dataBytes = Math.round(seconds * sampleRate)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + dataBytes, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate, 28) // byte rate
  header.writeUInt16LE(1, 32) // block align
  header.writeUInt16LE(8, 34) // bits
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(dataBytes, 40)
  return Buffer.concat([header, Buffer.alloc(dataBytes, 0x80)])
}

/** MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, no padding: 417 bytes, 1152 samples each. */
export function makeMp3(frames: number): Buffer {
  const frame = Buffer.alloc(417)
  frame.writeUInt32BE(0xfffb9000, 0)
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

/** An ISO-BMFF box: 32-bit size, four-letter type, payload. */
export function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length, 0)
  head.write(type, 4, 'ascii')
  return Buffer.concat([head, body])
}

/** `ftyp` of an MP4 (isom) or, with `brand` 'M4A ', of an audio file. */
export function ftyp(brand = 'isom'): Buffer {
  return box('ftyp', Buffer.from(`${brand}\0\0\x02\0isomiso2mp41`, 'latin1'))
}

/** `moov` holding only the movie header, which is where the duration lives. */
export function moov(durationSeconds: number, timescale = 1000): Buffer {
  const mvhd = Buffer.alloc(100)
  mvhd.writeUInt32BE(timescale, 12)
  mvhd.writeUInt32BE(Math.round(durationSeconds * timescale), 16)
  mvhd.writeUInt32BE(0x00010000, 20) // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24) // volume 1.0
  // Identity matrix.
  mvhd.writeUInt32BE(0x00010000, 36)
  mvhd.writeUInt32BE(0x00010000, 52)
  mvhd.writeUInt32BE(0x40000000, 68)
  mvhd.writeUInt32BE(2, 96)
  return box('moov', box('mvhd', mvhd))
}

/** A small MP4 the way cameras write it: ftyp, media data, then moov. */
export function makeMp4(durationSeconds: number, brand = 'isom'): Buffer {
  return Buffer.concat([ftyp(brand), box('mdat', Buffer.alloc(2048)), moov(durationSeconds)])
}

/**
 * An MP4 cut off in its media data: `mdat` claims 10 MB, the file ends after
 * 1 kB, and `moov` never comes, as with an interrupted upload.
 */
export function makeTruncatedMp4(): Buffer {
  const mdat = Buffer.alloc(1024)
  mdat.writeUInt32BE(10 * 1024 * 1024, 0)
  mdat.write('mdat', 4, 'ascii')
  return Buffer.concat([ftyp(), mdat])
}

/**
 * A greyscale PNG of `width` × `height` zero pixels written to `path` with
 * zlib streaming, so neither the test nor the file needs the raw pixels in
 * memory: 20 000 × 20 000 is ~400 MB raw and ~390 kB on disk.
 */
export async function writePngBomb(path: string, width: number, height: number): Promise<void> {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'ascii')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale

  const deflate = createDeflate({ level: 9 })
  const compressed: Buffer[] = []
  deflate.on('data', (c: Buffer) => compressed.push(c))
  const done = once(deflate, 'end')
  // Rows are a filter byte and `width` zeros; feed the same zero buffer again and again.
  const rowsPerChunk = Math.max(1, Math.floor((4 * 1024 * 1024) / (width + 1)))
  const zeros = Buffer.alloc(rowsPerChunk * (width + 1))
  for (let row = 0; row < height; row += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, height - row)
    if (!deflate.write(zeros.subarray(0, rows * (width + 1)))) {
      await once(deflate, 'drain')
    }
  }
  deflate.end()
  await done

  const out = createWriteStream(path)
  out.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  out.write(chunk('IHDR', ihdr))
  out.write(chunk('IDAT', Buffer.concat(compressed)))
  out.end(chunk('IEND', Buffer.alloc(0)))
  await once(out, 'finish')
}
