import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FileRefused, inspectFile, type InspectOptions } from './index'
import {
  makeDocx,
  makeMp3,
  makeMp4,
  makePptx,
  makeTruncatedMp4,
  makeWav,
  writePngBomb,
} from './testFiles'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exemplar-inspect-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function put(name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${name}`)
  await writeFile(path, data)
  return path
}

async function refusal(path: string, opts: InspectOptions): Promise<FileRefused> {
  try {
    await inspectFile(path, opts)
  } catch (err) {
    if (err instanceof FileRefused) {
      return err
    }
    throw err
  }
  throw new Error('the file was accepted')
}

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer()

describe('inspectFile types', () => {
  it('should type a JPEG by its bytes and report its size and dimensions', async () => {
    const data = await jpeg(64, 48)
    const path = await put('photo.JPG', data)
    expect(
      await inspectFile(path, { originalName: '抗疫瞬间.JPG', allowedKinds: ['image'] }),
    ).toEqual({
      kind: 'image',
      mimeType: 'image/jpeg',
      ext: 'jpg',
      bytes: data.length,
      width: 64,
      height: 48,
    })
  })

  it('should report the upright size of a photo its camera stored sideways', async () => {
    const data = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#fff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const info = await inspectFile(await put('p.jpg', data), { originalName: 'p.jpg' })
    expect([info.width, info.height]).toEqual([20, 60])
  })

  it('should refuse a kind the track does not allow, naming what it wants', async () => {
    const path = await put(
      'a.png',
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    )
    const err = await refusal(path, { originalName: 'a.png', allowedKinds: ['pdf'] })
    expect(err.code).toBe('file.unsupported')
    expect(err.message).toBe('不支持的文件类型：PNG，请上传 PDF')
  })

  it('should refuse SVG, HTML and executables even when named as a photo', async () => {
    const svg = await put(
      'x.jpg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    expect((await refusal(svg, { originalName: 'x.jpg', allowedKinds: ['image'] })).message).toBe(
      '不支持的文件类型：SVG/HTML 等网页或矢量文件，请上传 JPG/PNG/WebP 图片',
    )
    const html = await put('x.png', '\uFEFF <!doctype html><html><body>hi</body></html>')
    expect((await refusal(html, { originalName: 'x.png' })).code).toBe('file.unsupported')
    const exe = Buffer.alloc(512)
    exe.write('MZ', 0, 'ascii')
    exe.writeUInt32LE(0x80, 0x3c)
    exe.write('PE\0\0', 0x80, 'latin1')
    const err = await refusal(await put('x.jpg', exe), { originalName: 'x.jpg' })
    expect(err.code).toBe('file.unsupported')
    expect(err.message).toMatch(/^不支持的文件类型：EXE，请上传 /)
  })

  it('should refuse a file whose name claims another kind than its bytes', async () => {
    const path = await put('doc.pdf', await jpeg(8, 8))
    const err = await refusal(path, { originalName: '案例.pdf' })
    expect(err.code).toBe('file.extensionMismatch')
    expect(err.message).toBe(
      '文件扩展名与内容不符：文件名为 .pdf，内容为 JPG，请使用正确的格式后重新上传',
    )
  })

  it('should refuse a photo cut off half way although its header is intact', async () => {
    const data = await sharp({
      create: {
        width: 300,
        height: 200,
        channels: 3,
        background: '#888',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg()
      .toBuffer()
    const path = await put('cut.jpg', data.subarray(0, data.length >> 1))
    const err = await refusal(path, { originalName: 'cut.jpg' })
    expect(err.code).toBe('file.damaged')
    expect(err.message).toBe('图片已损坏或无法打开，请重新导出后上传')
  })

  it('should refuse an empty file', async () => {
    expect((await refusal(await put('e.jpg', ''), { originalName: 'e.jpg' })).code).toBe(
      'file.empty',
    )
  })

  it('should tell a legacy Word file from a legacy PowerPoint file by name only when the bytes are OLE', async () => {
    // An OLE compound file header (sector size 512) and an empty first sector.
    const cfb = Buffer.alloc(1024)
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb)
    cfb.writeUInt16LE(0x3e, 0x18)
    cfb.writeUInt16LE(3, 0x1a)
    cfb.writeUInt16LE(0xfffe, 0x1c)
    cfb.writeUInt16LE(9, 0x1e)
    cfb.writeUInt16LE(6, 0x20)
    const path = await put('c.bin', cfb)
    expect((await inspectFile(path, { originalName: '案例.doc' })).kind).toBe('doc')
    expect((await inspectFile(path, { originalName: '汇报.PPT' })).kind).toBe('ppt')
    expect((await refusal(path, { originalName: '表格.xls' })).code).toBe('file.unsupported')
    expect((await refusal(path, { originalName: '案例.doc', allowedKinds: ['pptx'] })).code).toBe(
      'file.unsupported',
    )
  })
})

describe('inspectFile image bombs', () => {
  it('should refuse a 20000×20000 PNG bomb from its header, fast and without decoding it', async () => {
    const path = join(dir, 'bomb.png')
    await writePngBomb(path, 20_000, 20_000)
    const before = process.memoryUsage().rss
    const started = performance.now()
    const err = await refusal(path, { originalName: 'bomb.png', allowedKinds: ['image'] })
    const elapsed = performance.now() - started
    expect(err.code).toBe('image.tooManyPixels')
    expect(err.message).toBe('图片像素过大（20000×20000），单张不超过 5000 万像素')
    expect(err.limit).toBe(50_000_000)
    expect(elapsed).toBeLessThan(1000)
    // Decoding would take ~400 MB; reading the header takes next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
  }, 20_000)

  it('should accept a picture of exactly the pixel limit and refuse one row more', async () => {
    const atLimit = join(dir, 'at-limit.png')
    await writePngBomb(atLimit, 10_000, 5_000)
    const info = await inspectFile(atLimit, { originalName: 'a.png' })
    expect([info.width, info.height]).toEqual([10_000, 5_000])
    const over = join(dir, 'over-limit.png')
    await writePngBomb(over, 10_000, 5_001)
    expect((await refusal(over, { originalName: 'a.png' })).code).toBe('image.tooManyPixels')
  }, 20_000)
})

describe('inspectFile audio and video', () => {
  it('should read the duration of an MP4 from its movie header', async () => {
    const path = await put('v.mp4', makeMp4(180))
    const info = await inspectFile(path, { originalName: '红歌.mp4', allowedKinds: ['mp4'] })
    expect(info).toMatchObject({ kind: 'video', format: 'mp4', ext: 'mp4', mimeType: 'video/mp4' })
    expect(info.durationSeconds).toBeCloseTo(180, 3)
  })

  it('should refuse a truncated MP4 as damaged, quickly', async () => {
    const path = await put('cut.mp4', makeTruncatedMp4())
    const started = performance.now()
    const err = await refusal(path, { originalName: 'cut.mp4' })
    expect(err.code).toBe('file.damaged')
    expect(err.message).toBe('视频文件已损坏或不完整（无法读取时长），请重新导出后上传')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('should refuse an MP4 whose first kilobyte is all there is', async () => {
    const path = await put('head.mp4', makeMp4(60).subarray(0, 1024))
    expect((await refusal(path, { originalName: 'head.mp4' })).code).toBe('file.damaged')
  })

  it('should take an .m4a as audio in its own format', async () => {
    const path = await put('a.m4a', makeMp4(42, 'M4A '))
    const info = await inspectFile(path, { originalName: '朗诵.m4a', allowedKinds: ['m4a'] })
    expect(info).toMatchObject({ kind: 'audio', format: 'm4a' })
    expect(info.durationSeconds).toBeCloseTo(42, 3)
  })

  it('should read the duration of a WAV and an MP3', async () => {
    const wav = await inspectFile(await put('a.wav', makeWav(3)), { originalName: 'a.wav' })
    expect(wav).toMatchObject({ kind: 'audio', format: 'wav', mimeType: 'audio/wav' })
    expect(wav.durationSeconds).toBeCloseTo(3, 3)
    // 100 frames × 1152 samples / 44 100 Hz.
    const mp3 = await inspectFile(await put('a.mp3', makeMp3(100)), { originalName: 'a.mp3' })
    expect(mp3).toMatchObject({ kind: 'audio', format: 'mp3' })
    expect(mp3.durationSeconds).toBeCloseTo((100 * 1152) / 44_100, 1)
  })

  it('should read a WAV cut short by what it still holds, and refuse an MP3 with no frames', async () => {
    const wav = makeWav(10)
    const half = await inspectFile(await put('h.wav', wav.subarray(0, 44 + 40_000)), {
      originalName: 'h.wav',
    })
    expect(half.durationSeconds).toBeCloseTo(5, 2)
    const headerOnly = await put('e.wav', wav.subarray(0, 44))
    expect((await refusal(headerOnly, { originalName: 'e.wav' })).code).toBe('file.damaged')
    // Tags and no audio frames: nothing in it is an MP3 stream.
    const id3Only = await put(
      'x.mp3',
      Buffer.concat([Buffer.from('ID3\x03\0\0\0\0\0\x10', 'latin1'), Buffer.alloc(16)]),
    )
    expect((await refusal(id3Only, { originalName: 'x.mp3' })).code).toBe('file.unsupported')
  })

  it('should refuse an audio format the track does not name', async () => {
    const path = await put('a.wav', makeWav(1))
    const err = await refusal(path, { originalName: 'a.wav', allowedKinds: ['mp4', 'mp3'] })
    expect(err.message).toBe('不支持的文件类型：WAV，请上传 MP4/MP3')
  })
})

describe('inspectFile PDF', () => {
  const pdf = async (pages: number) => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < pages; i++) {
      doc.addPage()
    }
    return Buffer.from(await doc.save({ useObjectStreams: false }))
  }

  it('should count the pages of a PDF', async () => {
    const info = await inspectFile(await put('p.pdf', await pdf(3)), { originalName: '海报.pdf' })
    expect(info).toMatchObject({ kind: 'pdf', pdfPages: 3, mimeType: 'application/pdf' })
  })

  it('should refuse a PDF cut off half way', async () => {
    const data = await pdf(3)
    const err = await refusal(await put('cut.pdf', data.subarray(0, data.length >> 1)), {
      originalName: 'cut.pdf',
    })
    expect(err.code).toBe('file.damaged')
    expect(err.message).toMatch(/^PDF 文件已损坏或无法打开/)
  })

  it('should refuse an encrypted PDF with its own message', async () => {
    const text = (await pdf(1))
      .toString('latin1')
      .replace('trailer\n<<', 'trailer\n<<\n/Encrypt 1 0 R')
    const err = await refusal(await put('enc.pdf', Buffer.from(text, 'latin1')), {
      originalName: 'enc.pdf',
    })
    expect(err.code).toBe('pdf.encrypted')
  })
})

describe('inspectFile Word and PowerPoint', () => {
  it('should read the abstract and body length of a .docx', async () => {
    const path = await put(
      'c.docx',
      makeDocx([
        '党建引领医共体建设',
        '摘要',
        '本案例介绍县域医共体的做法。',
        '关键词：医共体',
        '一、背景',
        '县里有三家医院。',
      ]),
    )
    const info = await inspectFile(path, { originalName: '案例.docx', allowedKinds: ['docx'] })
    expect(info.kind).toBe('docx')
    expect(info.docx).toEqual({
      abstractChars: 14,
      bodyChars: 4 + 8,
      headings: ['一、背景'],
      copyrightStatement: false,
    })
  })

  it('should refuse a zip-bomb .docx without inflating it', async () => {
    // 300 MB of one character deflates to ~300 kB: a ratio no Word file has.
    const huge = Buffer.alloc(300 * 1024 * 1024, 0x20)
    const bomb = makeDocx(['正文'], [{ name: 'word/styles.xml', data: huge }])
    const path = await put('bomb.docx', bomb)
    const before = process.memoryUsage().rss
    const started = performance.now()
    const err = await refusal(path, { originalName: 'bomb.docx' })
    expect(err.code).toBe('zip.tooLarge')
    expect(err.message).toBe('文档解压后过大，疑似异常文件，请另存后重新上传')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
  }, 20_000)

  it('should refuse a .docx whose part inflates past the size it declares', async () => {
    const lying = makeDocx(
      ['正文'],
      [{ name: 'word/styles.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20), declaredSize: 1000 }],
    )
    const err = await refusal(await put('lie.docx', lying), { originalName: 'lie.docx' })
    expect(err.code).toBe('zip.tooLarge')
  }, 20_000)

  it('should refuse a damaged .docx', async () => {
    const data = makeDocx(['正文'])
    const err = await refusal(await put('cut.docx', data.subarray(0, data.length - 30)), {
      originalName: 'cut.docx',
    })
    expect(err.code).toBe('file.damaged')
    const garbage = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)])
    expect((await refusal(await put('g.docx', garbage), { originalName: 'g.docx' })).code).toMatch(
      /^file\.(damaged|unsupported)$/,
    )
  })

  it('should accept a .pptx package', async () => {
    const info = await inspectFile(await put('s.pptx', makePptx()), { originalName: '汇报.pptx' })
    expect(info).toMatchObject({ kind: 'pptx', ext: 'pptx' })
  })
})
