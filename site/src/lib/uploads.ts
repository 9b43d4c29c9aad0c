/**
 * Attachment uploads: which way a file goes (one XHR POST, or resumable tus
 * for big audio and every video), what the file picker accepts, a check
 * before any byte is sent, and reading the server's answer. The server sniffs
 * the bytes and decides; the guesses here only spare a participant a long
 * upload that would be refused anyway.
 */
import {
  formatBytes,
  formatBytesAgainst,
  type AllowedFileKind as AllowedKind,
  type FileKind,
} from '@exemplar/plugin-submissions/rules'

import type { Track } from './labels'

export type { FileKind }

/** What POST /api/submissions/uploads (or …/uploads/complete) answers with. */
export interface UploadedFile {
  id: number
  filename: string
  kind: FileKind
  mimeType: string
  bytes: number
  width?: number
  height?: number
  durationSeconds?: number
  docx?: { bodyChars: number; abstractChars: number }
  /** Container format of audio/video, when the server names it. */
  format?: string
  url: string
  thumbnailUrl?: string
}

export interface PickedFile {
  name: string
  size: number
  type: string
}

const MB = 1024 * 1024

/** Above this, audio goes through tus: a dropped connection on hospital Wi-Fi should not restart it. */
export const TUS_THRESHOLD_BYTES = 20 * MB
/** Small enough to retry cheaply, large enough that a 2 GB video is ~250 requests. */
export const TUS_CHUNK_BYTES = 8 * MB
/** Back-off between tus retries, in ms; a reload resumes after these give up. */
export const TUS_RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000]

export const UPLOAD_PATH = '/api/submissions/uploads'
export const TUS_PATH = '/api/submissions/tus'
export const COMPLETE_PATH = '/api/submissions/uploads/complete'

const EXTENSIONS: Record<string, FileKind> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  webp: 'image',
  gif: 'image',
  heic: 'image',
  mp4: 'video',
  mov: 'video',
  m4v: 'video',
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
  aac: 'audio',
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  ppt: 'ppt',
  pptx: 'pptx',
}

const extension = (name: string): string => {
  const dot = name.lastIndexOf('.')
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** The kind a picked file claims to be, from its type or else its name; undefined when unknown. */
export function guessKind(file: Pick<PickedFile, 'name' | 'type'>): FileKind | undefined {
  const type = file.type.toLowerCase()
  if (type.startsWith('image/')) {
    return 'image'
  }
  if (type.startsWith('video/')) {
    return 'video'
  }
  if (type.startsWith('audio/')) {
    return 'audio'
  }
  return EXTENSIONS[extension(file.name)]
}

const CONTAINER_BY_MIME: Record<string, string> = {
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
}

/**
 * The container format the shared rules compare with a track's `mp4`/`mp3`/…
 * allow-list: the server's own word when it gives one, else the sniffed MIME
 * type, else the file name.
 */
export function containerFormat(
  file: Pick<UploadedFile, 'mimeType' | 'filename'> & { format?: string },
): string | undefined {
  if (file.format) {
    return file.format.replace(/^\./, '').toLowerCase()
  }
  const base = file.mimeType.split(';')[0]?.trim().toLowerCase() ?? ''
  return CONTAINER_BY_MIME[base] ?? (extension(file.filename) || undefined)
}

/** Resumable for every video (they run to 2 GB) and for audio above the threshold; one POST otherwise. */
export function uploadRoute(file: PickedFile): 'xhr' | 'tus' {
  const kind = guessKind(file)
  if (kind === 'video') {
    return 'tus'
  }
  return kind === 'audio' && file.size > TUS_THRESHOLD_BYTES ? 'tus' : 'xhr'
}

const ACCEPT: Record<AllowedKind, string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp', '.jpg', '.jpeg', '.png', '.webp'],
  video: ['video/mp4', 'video/quicktime', '.mp4', '.mov'],
  audio: ['audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/wav', '.mp3', '.m4a', '.wav'],
  pdf: ['application/pdf', '.pdf'],
  doc: ['application/msword', '.doc'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
  ppt: ['application/vnd.ms-powerpoint', '.ppt'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', '.pptx'],
  mp4: ['video/mp4', '.mp4'],
  mp3: ['audio/mpeg', '.mp3'],
  m4a: ['audio/mp4', 'audio/x-m4a', '.m4a'],
  wav: ['audio/wav', 'audio/x-wav', '.wav'],
}

/** The picker's accept= for a track; empty (anything) when the track names no kinds. */
export function acceptAttribute(allowed: readonly AllowedKind[] | null | undefined): string {
  return [...new Set((allowed ?? []).flatMap((kind) => ACCEPT[kind] ?? []))].join(',')
}

const CONTAINER_KIND: Partial<Record<AllowedKind, FileKind>> = {
  mp4: 'video',
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
}

/** Whether a track allowing these kinds takes a file of this kind (mp4 stands for video, mp3 for audio…). */
export function kindAllowed(
  kind: FileKind,
  allowed: readonly AllowedKind[] | null | undefined,
): boolean {
  if (!allowed || allowed.length === 0) {
    return true
  }
  return allowed.some((a) => a === kind || CONTAINER_KIND[a] === kind)
}

/** Sizes as the server's messages give them (binary units, one decimal: 12.5 MB, 830 KB). */
export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : formatBytes(bytes)
}

/** A media length as a player shows it: 2:05, 1:02:03. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

/** Whole percent, never 100 before the last byte has gone. */
export function percent(loaded: number, total: number): number {
  if (total <= 0) {
    return 0
  }
  const p = Math.floor((loaded / total) * 100)
  return loaded < total ? Math.min(p, 99) : 100
}

/** 12.5 MB / 40 MB（31%） */
export function progressText(loaded: number, total: number): string {
  return `${formatSize(loaded)} / ${formatSize(total)}（${percent(loaded, total)}%）`
}

export interface PrecheckProblem {
  code: 'kind.notAllowed' | 'file.tooLarge' | 'file.tooSmall' | 'images.tooMany'
  message: string
}

/**
 * Refusals the browser can see before sending a byte: a kind the track does
 * not take, a size outside its limits, one image too many. Names the file and
 * the limit, as the server's messages do.
 */
export function precheckFile(
  requirements: Track['requirements'] | undefined,
  file: PickedFile,
  imagesSoFar: number,
  allowedNames: (kind: AllowedKind) => string = (kind) => kind,
): PrecheckProblem[] {
  const r = requirements ?? {}
  const problems: PrecheckProblem[] = []
  const kind = guessKind(file)
  if (r.allowedFileKinds?.length && (!kind || !kindAllowed(kind, r.allowedFileKinds))) {
    problems.push({
      code: 'kind.notAllowed',
      message: `文件“${file.name}”的格式不符合要求，本类别仅接受：${r.allowedFileKinds.map(allowedNames).join('、')}`,
    })
  }
  if (r.maxFileBytes && file.size > r.maxFileBytes) {
    problems.push({
      code: 'file.tooLarge',
      message: `文件“${file.name}”大小为 ${formatBytesAgainst(file.size, r.maxFileBytes)}，超过上限 ${formatSize(r.maxFileBytes)}`,
    })
  }
  if (r.minFileBytes && file.size < r.minFileBytes) {
    problems.push({
      code: 'file.tooSmall',
      message: `文件“${file.name}”大小为 ${formatBytesAgainst(file.size, r.minFileBytes)}，不足下限 ${formatSize(r.minFileBytes)}`,
    })
  }
  if (kind === 'image' && r.maxImages && imagesSoFar >= r.maxImages) {
    problems.push({
      code: 'images.tooMany',
      message: `图片最多 ${r.maxImages} 张，已上传 ${imagesSoFar} 张`,
    })
  }
  return problems
}

/** tus Upload-Metadata the server reads to know where the file belongs. */
export function tusMetadata(
  file: PickedFile,
  campaign: number,
  track: string,
): Record<string, string> {
  return {
    filename: file.name,
    filetype: file.type || 'application/octet-stream',
    campaign: String(campaign),
    track,
  }
}

/** The upload id tus put at the end of the upload's URL, which /uploads/complete takes. */
export function uploadIdFromUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? ''
  return decodeURIComponent(path.replace(/\/+$/, '').split('/').at(-1) ?? '')
}

export type UploadAnswer =
  { ok: true; file: UploadedFile } | { ok: false; messages: string[]; status: number }

/** The server's answer to an upload: the inspected file, or its Chinese reasons. */
export function readUploadAnswer(status: number, body: unknown): UploadAnswer {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const file = record.file as UploadedFile | undefined
  if (status >= 200 && status < 300 && file && typeof file.id === 'number') {
    return { ok: true, file }
  }
  const errors = Array.isArray(record.errors) ? record.errors : []
  const messages = errors
    .map((e) => (e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string' && m.length > 0)
  const fallback =
    status === 401
      ? '登录已过期，请重新登录后再上传'
      : status === 413
        ? '文件超过服务器允许的大小'
        : `上传失败（${status || '网络异常'}），请重试`
  return { ok: false, messages: messages.length > 0 ? messages : [fallback], status }
}

/** Moves one item within a list, for reordering attachments; out-of-range moves change nothing. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) {
    return [...list]
  }
  const copy = [...list]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item as T)
  return copy
}
