import { open, readFile, stat } from 'node:fs/promises'

import { fileTypeFromFile } from 'file-type'
import mammoth from 'mammoth'
import { parseFile } from 'music-metadata'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

import { allowedKindsText, isKindAllowed } from '../rules/files'
import type { AllowedFileKind, FileKind } from '../rules/types'
import { analyseDocxText } from './docxText'
import { MAX_INPUT_PIXELS, pictureWork } from './image'
import { FileRefused } from './refused'
import { readMp4 } from './mp4'
import { guardZip } from './zip'

export { FileRefused } from './refused'
export { analyseDocxText, type DocxTextFacts } from './docxText'
export { DEFAULT_ZIP_LIMITS, guardZip, type ZipLimits } from './zip'
export { pictureWork, reencodeImage, type ReencodeOptions, type ReencodedImage } from './image'
export { readMp4, type Mp4Facts } from './mp4'
export { safeFileName } from './names'
export { MAX_INPUT_PIXELS }

export interface InspectedFile {
  kind: FileKind
  mimeType: string
  /** The extension the file's bytes call for (`jpg`, `mp4`, `docx`, …), not the client's. */
  ext: string
  /** Container format for audio/video (`mp4`, `mov`, `m4a`, `mp3`, `wav`); the rules' `format`. */
  format?: string
  bytes: number
  /** After EXIF orientation, as the picture is seen. */
  width?: number
  height?: number
  durationSeconds?: number
  docx?: {
    bodyChars: number
    abstractChars: number
    headings: string[]
    copyrightStatement: boolean
  }
  pdfPages?: number
}

export interface InspectOptions {
  /** The client's file name: only its extension is used, to tell .doc from .ppt and to catch a disguise. */
  originalName: string
  /** The track's allow-list; missing or empty takes every kind the platform handles. */
  allowedKinds?: readonly AllowedFileKind[] | null
  /** Give up on a file a parser cannot finish within this time (default 20 s). */
  timeoutMs?: number
}

interface Sniffed {
  kind: FileKind
  ext: string
  mimeType: string
  format?: string
}

/** Extensions a submitter may use for each kind; a file whose name and bytes disagree is refused. */
const EXTENSION_KINDS: Record<string, FileKind> = {
  jpg: 'image',
  jpeg: 'image',
  jpe: 'image',
  jfif: 'image',
  png: 'image',
  webp: 'image',
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  m4a: 'audio',
  mp3: 'audio',
  wav: 'audio',
  wave: 'audio',
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  ppt: 'ppt',
  pptx: 'pptx',
}

/** One MP4 container holds audio (.m4a) or video (.mp4): its name decides which. */
const MP4_FAMILY = new Set(['mp4', 'm4v', 'mov', 'm4a'])

const DEFAULT_TIMEOUT_MS = 20_000

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

const damaged = (what: string) =>
  new FileRefused('file.damaged', `${what}已损坏或无法打开，请重新导出后上传`)

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(damaged(what)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

function unsupported(what: string, allowed: readonly AllowedFileKind[] | null | undefined) {
  const wanted =
    allowed && allowed.length > 0
      ? allowedKindsText(allowed)
      : 'JPG/PNG/WebP 图片、MP4 视频、MP3/M4A/WAV 音频、PDF、DOC/DOCX、PPT/PPTX'
  return new FileRefused(
    'file.unsupported',
    `不支持的文件类型：${what}，请上传 ${wanted}`,
    allowed?.join(','),
  )
}

async function looksLikeMarkup(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r')
  try {
    const head = Buffer.alloc(512)
    const { bytesRead } = await handle.read(head, 0, 512, 0)
    return /^(?:\uFEFF)?\s*</.test(head.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await handle.close()
  }
}

/** What the bytes are, in the platform's kinds; undefined for anything it does not take. */
async function sniff(filePath: string, nameExt: string): Promise<Sniffed | string> {
  const type = await fileTypeFromFile(filePath)
  if (!type) {
    // Markup has no magic number; name it, since SVG and HTML are the usual disguises.
    return (await looksLikeMarkup(filePath)) ? 'SVG/HTML 等网页或矢量文件' : '无法识别的格式'
  }
  switch (type.ext) {
    case 'jpg':
    case 'png':
    case 'webp':
      return { kind: 'image', ext: type.ext, mimeType: type.mime }
    case 'mp4':
    case 'm4v':
    case 'mov':
    case 'm4a': {
      if (nameExt === 'm4a' || (type.ext === 'm4a' && !MP4_FAMILY.has(nameExt))) {
        return { kind: 'audio', ext: 'm4a', mimeType: 'audio/mp4', format: 'm4a' }
      }
      const format = type.ext === 'mov' ? 'mov' : 'mp4'
      return { kind: 'video', ext: format, mimeType: type.mime, format }
    }
    case 'mp3':
      return { kind: 'audio', ext: 'mp3', mimeType: 'audio/mpeg', format: 'mp3' }
    case 'wav':
      return { kind: 'audio', ext: 'wav', mimeType: 'audio/wav', format: 'wav' }
    case 'pdf':
      return { kind: 'pdf', ext: 'pdf', mimeType: type.mime }
    case 'docx':
      return { kind: 'docx', ext: 'docx', mimeType: type.mime }
    case 'pptx':
      return { kind: 'pptx', ext: 'pptx', mimeType: type.mime }
    case 'zip':
      // An OOXML package whose parts are in an unusual order sniffs as a plain zip;
      // its name says which it claims to be and the package check confirms it.
      if (nameExt === 'docx') {
        return { kind: 'docx', ext: 'docx', mimeType: DOCX_MIME }
      }
      if (nameExt === 'pptx') {
        return { kind: 'pptx', ext: 'pptx', mimeType: PPTX_MIME }
      }
      return 'ZIP'
    case 'cfb':
      // Legacy Office files share one container (OLE CFB); only the name tells them apart.
      if (nameExt === 'doc') {
        return { kind: 'doc', ext: 'doc', mimeType: 'application/msword' }
      }
      if (nameExt === 'ppt') {
        return { kind: 'ppt', ext: 'ppt', mimeType: 'application/vnd.ms-powerpoint' }
      }
      return nameExt ? `${nameExt.toUpperCase()}（Office 旧格式）` : 'Office 旧格式'
    default:
      return type.ext.toUpperCase()
  }
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'

async function inspectImage(filePath: string): Promise<{ width: number; height: number }> {
  // Only the header is read here: the pixel count is checked before anything is decoded.
  const meta = await sharp(filePath, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damaged('图片')
    })
  const { width, height } = meta
  if (!width || !height) {
    throw damaged('图片')
  }
  const pages = meta.pages ?? 1
  if (width * height * pages > MAX_INPUT_PIXELS) {
    throw new FileRefused(
      'image.tooManyPixels',
      `图片像素过大（${width}×${height}），单张不超过 ${MAX_INPUT_PIXELS / 10_000} 万像素`,
      MAX_INPUT_PIXELS,
    )
  }
  // A cut-off upload keeps a good header; decoding a thumbnail finds it here, as a
  // refusal, rather than when the endpoint re-encodes. JPEG shrinks on load and
  // libvips streams PNG rows, so this stays cheap even at the pixel limit.
  await pictureWork(() =>
    sharp(filePath, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
      sequentialRead: true,
    })
      .resize(256, 256, { fit: 'inside' })
      .toBuffer(),
  ).catch(() => {
    throw damaged('图片')
  })
  return { width: meta.autoOrient?.width ?? width, height: meta.autoOrient?.height ?? height }
}

async function inspectMedia(
  filePath: string,
  kind: FileKind,
  format: string | undefined,
  timeoutMs: number,
) {
  const what = kind === 'video' ? '视频文件' : '音频文件'
  const damagedMedia = () =>
    new FileRefused('file.damaged', `${what}已损坏或不完整（无法读取时长），请重新导出后上传`)
  const fromParser = async () =>
    (
      await withTimeout(
        parseFile(filePath, { duration: true, skipCovers: true, skipPostHeaders: true }),
        timeoutMs,
        what,
      )
    ).format.duration
  let duration: number | undefined
  try {
    if (MP4_FAMILY.has(format ?? '')) {
      const mp4 = await withTimeout(readMp4(filePath), timeoutMs, what)
      if (!mp4.intact) {
        throw damagedMedia()
      }
      // A fragmented file may carry its length only in its fragments, which music-metadata sums.
      duration = mp4.durationSeconds ?? (await fromParser())
    } else {
      duration = await fromParser()
    }
  } catch {
    throw damagedMedia()
  }
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) {
    throw damagedMedia()
  }
  return { durationSeconds: duration }
}

/** The PDF trailer marker must be near the end; a cut-off upload loses it. */
async function hasPdfTrailer(filePath: string, bytes: number): Promise<boolean> {
  const tail = Math.min(bytes, 2048)
  const handle = await open(filePath, 'r')
  try {
    const buffer = Buffer.alloc(tail)
    await handle.read(buffer, 0, tail, bytes - tail)
    return buffer.includes('%%EOF')
  } finally {
    await handle.close()
  }
}

async function inspectPdf(filePath: string, bytes: number, timeoutMs: number) {
  if (!(await hasPdfTrailer(filePath, bytes))) {
    throw new FileRefused(
      'file.damaged',
      'PDF 文件已损坏或无法打开（文件不完整），请重新导出后上传',
    )
  }
  let pages: number
  try {
    const pdf = await withTimeout(
      readFile(filePath).then((data) =>
        PDFDocument.load(data, { ignoreEncryption: false, updateMetadata: false }),
      ),
      timeoutMs,
      'PDF 文件',
    )
    pages = pdf.getPageCount()
  } catch (err) {
    // pdf-lib's EncryptedPDFError keeps the plain `Error` name; its message says it.
    if (err instanceof Error && /is encrypted/.test(err.message)) {
      throw new FileRefused('pdf.encrypted', 'PDF 文件已加密，请去除打开密码或编辑限制后上传')
    }
    if (err instanceof FileRefused) {
      throw err
    }
    throw new FileRefused('file.damaged', 'PDF 文件已损坏或无法打开，请重新导出后上传')
  }
  if (pages < 1) {
    throw new FileRefused('file.damaged', 'PDF 文件已损坏或无法打开（没有页面），请重新导出后上传')
  }
  return { pdfPages: pages }
}

/** The XML parts a text extractor reads; pictures and embedded files are never inflated. */
const isPackageXml = (name: string) =>
  (name.endsWith('.xml') || name.endsWith('.rels')) &&
  !/^(word|ppt)\/(media|embeddings)\//.test(name)

async function inspectDocx(filePath: string, timeoutMs: number) {
  const parts = await guardZip(filePath, isPackageXml)
  if (!parts.has('word/document.xml')) {
    throw damaged('Word 文档')
  }
  let text: string
  try {
    // mammoth inflates the same XML parts again; the guard has just proven their
    // real inflated size is within the cap, so this cannot blow up.
    const { value } = await withTimeout(
      mammoth.extractRawText({ path: filePath }),
      timeoutMs,
      'Word 文档',
    )
    text = value
  } catch (err) {
    if (err instanceof FileRefused) {
      throw err
    }
    throw damaged('Word 文档')
  }
  return { docx: analyseDocxText(text) }
}

async function inspectPptx(filePath: string) {
  const parts = await guardZip(filePath, (name) => name === 'ppt/presentation.xml')
  if (!parts.has('ppt/presentation.xml')) {
    throw damaged('PPT 演示文稿')
  }
  return {}
}

/**
 * What an uploaded file is, from its bytes: kind by magic bytes (never the
 * client's name or MIME type), checked against the track's allow-list and the
 * name's extension, then the facts the track rules need (image size, duration,
 * PDF pages, a .docx's body and abstract length). Throws `FileRefused` with a
 * Chinese message for anything the platform will not take: unsupported or
 * disguised types, SVG/HTML/executables, decompression bombs, damaged files.
 */
export async function inspectFile(filePath: string, opts: InspectOptions): Promise<InspectedFile> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const { size: bytes } = await stat(filePath)
  if (bytes === 0) {
    throw new FileRefused('file.empty', '文件为空，请重新选择文件上传')
  }
  const nameExt = extensionOf(opts.originalName)
  const sniffed = await sniff(filePath, nameExt)
  if (typeof sniffed === 'string') {
    throw unsupported(sniffed, opts.allowedKinds)
  }
  if (!isKindAllowed(opts.allowedKinds, sniffed)) {
    const what = sniffed.format ? sniffed.format.toUpperCase() : sniffed.ext.toUpperCase()
    throw unsupported(what, opts.allowedKinds)
  }
  const claimed = EXTENSION_KINDS[nameExt]
  const sameContainer = MP4_FAMILY.has(nameExt) && MP4_FAMILY.has(sniffed.ext)
  if (nameExt && claimed !== sniffed.kind && !sameContainer) {
    throw new FileRefused(
      'file.extensionMismatch',
      `文件扩展名与内容不符：文件名为 .${nameExt}，内容为 ${sniffed.ext.toUpperCase()}，请使用正确的格式后重新上传`,
    )
  }

  const base: InspectedFile = {
    kind: sniffed.kind,
    mimeType: sniffed.mimeType,
    ext: sniffed.ext,
    bytes,
    ...(sniffed.format ? { format: sniffed.format } : {}),
  }
  switch (sniffed.kind) {
    case 'image':
      return { ...base, ...(await inspectImage(filePath)) }
    case 'video':
    case 'audio':
      return {
        ...base,
        ...(await inspectMedia(filePath, sniffed.kind, sniffed.format, timeoutMs)),
      }
    case 'pdf':
      return { ...base, ...(await inspectPdf(filePath, bytes, timeoutMs)) }
    case 'docx':
      return { ...base, ...(await inspectDocx(filePath, timeoutMs)) }
    case 'pptx':
      return { ...base, ...(await inspectPptx(filePath)) }
    default:
      return base
  }
}
