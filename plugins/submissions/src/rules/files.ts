import { formatBytes, formatBytesAgainst, formatDuration, formatDurationLimit } from './format'
import type { AllowedFileKind, FileFacts, FileKind, RuleProblem, TrackRequirements } from './types'

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  image: '图片',
  video: '视频',
  audio: '音频',
  pdf: 'PDF 文档',
  doc: 'Word 文档（.doc）',
  docx: 'Word 文档（.docx）',
  ppt: 'PPT 演示文稿（.ppt）',
  pptx: 'PPT 演示文稿（.pptx）',
}

/** How an allowed kind is named in "请上传 …": the formats a submitter recognises. */
export const ALLOWED_KIND_NAMES: Record<AllowedFileKind, string> = {
  image: 'JPG/PNG/WebP 图片',
  video: 'MP4 视频',
  audio: 'MP3/M4A/WAV 音频',
  pdf: 'PDF',
  doc: 'DOC',
  docx: 'DOCX',
  ppt: 'PPT',
  pptx: 'PPTX',
  mp4: 'MP4',
  mp3: 'MP3',
  m4a: 'M4A',
  wav: 'WAV',
}

const MIME_KINDS: Record<string, FileKind> = {
  'image/jpeg': 'image',
  'image/pjpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'audio/mpeg': 'audio',
  'audio/mp3': 'audio',
  'audio/mp4': 'audio',
  'audio/x-m4a': 'audio',
  'audio/m4a': 'audio',
  'audio/aac': 'audio',
  'audio/wav': 'audio',
  'audio/wave': 'audio',
  'audio/x-wav': 'audio',
  'audio/vnd.wave': 'audio',
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
}

/**
 * The kind a MIME type stands for, or undefined for anything the platform does
 * not take (SVG, HTML, archives, executables, GIF, …). For the site's instant
 * feedback only: the server decides from the bytes.
 */
export function kindFromMime(mime: string): FileKind | undefined {
  const base = mime.split(';')[0]?.trim().toLowerCase() ?? ''
  return MIME_KINDS[base]
}

/** The container format of audio/video named as the campaigns name it. */
function formatOf(file: FileFacts): string | undefined {
  return file.format?.replace(/^\./, '').toLowerCase()
}

/** Whether a track's allow-list takes this file. An empty or missing list takes every kind. */
export function isKindAllowed(
  allowed: readonly AllowedFileKind[] | null | undefined,
  file: Pick<FileFacts, 'kind' | 'format'>,
): boolean {
  if (!allowed || allowed.length === 0) {
    return true
  }
  if (allowed.includes(file.kind)) {
    return true
  }
  if (file.kind === 'video' || file.kind === 'audio') {
    const format = formatOf(file as FileFacts)
    return format !== undefined && (allowed as readonly string[]).includes(format)
  }
  return false
}

/**
 * The kinds an allow-list lets through, as `FileKind`s: `mp4` lets video (and
 * audio in an MP4 container) through, `mp3`/`m4a`/`wav` audio. For inspection.
 */
export function kindsAllowedBy(allowed: readonly AllowedFileKind[]): FileKind[] {
  const kinds = new Set<FileKind>()
  for (const a of allowed) {
    if (a === 'mp4') {
      kinds.add('video')
    } else if (a === 'mp3' || a === 'm4a' || a === 'wav') {
      kinds.add('audio')
    } else {
      kinds.add(a)
    }
  }
  return [...kinds]
}

/** "请上传 JPG/PNG/WebP 图片" or "请上传 DOC/DOCX/PPT/PPTX". */
export function allowedKindsText(allowed: readonly AllowedFileKind[]): string {
  return allowed.map((k) => ALLOWED_KIND_NAMES[k]).join('/')
}

function fileNoun(kind: FileKind): { noun: string; measure: string } {
  if (kind === 'image') {
    return { noun: '照片', measure: '张' }
  }
  return { noun: '文件', measure: '个' }
}

/** "（第 3 张为 1.9 MB）" or, for a single file, "（当前 1.9 MB）". */
function which(kind: FileKind, index: number | undefined, value: string): string {
  if (index === undefined) {
    return `（当前 ${value}）`
  }
  return `（第 ${index + 1} ${fileNoun(kind).measure}为 ${value}）`
}

/**
 * Rules one uploaded file must meet: allowed kind, size, duration, and for a
 * .docx its body and abstract length. `index` is the file's place among the
 * entry's attachments; problems then point at `attachments.<index>.file`.
 */
export function checkFile(req: TrackRequirements, file: FileFacts, index?: number): RuleProblem[] {
  const field = index === undefined ? 'file' : `attachments.${index}.file`
  const problems: RuleProblem[] = []
  const { noun, measure } = fileNoun(file.kind)
  // "每张照片…（第 3 张为 …）" in a list, "照片…（当前 …）" for a single upload.
  const subject = index === undefined ? noun : `每${measure}${noun}`

  if (!isKindAllowed(req.allowedFileKinds, file)) {
    const allowed = req.allowedFileKinds ?? []
    const format = formatOf(file)
    const what =
      (file.kind === 'video' || file.kind === 'audio') && format
        ? `${FILE_KIND_LABELS[file.kind]}（${format.toUpperCase()}）`
        : FILE_KIND_LABELS[file.kind]
    problems.push({
      field,
      code: 'file.kindNotAllowed',
      message: `不支持的文件类型：${what}，请上传 ${allowedKindsText(allowed)}`,
      limit: allowed.join(','),
    })
  }

  if (req.minFileBytes && file.bytes < req.minFileBytes) {
    problems.push({
      field,
      code: 'file.tooSmall',
      message: `${subject}不小于 ${formatBytes(req.minFileBytes)}${which(file.kind, index, formatBytesAgainst(file.bytes, req.minFileBytes))}`,
      limit: req.minFileBytes,
    })
  }

  if (req.maxFileBytes && file.bytes > req.maxFileBytes) {
    problems.push({
      field,
      code: 'file.tooLarge',
      message: `${subject}不超过 ${formatBytes(req.maxFileBytes)}${which(file.kind, index, formatBytesAgainst(file.bytes, req.maxFileBytes))}`,
      limit: req.maxFileBytes,
    })
  }

  if (req.maxDurationSeconds && (file.kind === 'video' || file.kind === 'audio')) {
    const label = FILE_KIND_LABELS[file.kind]
    if (file.durationSeconds === undefined || !Number.isFinite(file.durationSeconds)) {
      problems.push({
        field,
        code: 'file.durationUnknown',
        message: `无法读取${label}时长（不超过 ${formatDurationLimit(req.maxDurationSeconds)}），请确认文件完整后重新上传`,
        limit: req.maxDurationSeconds,
      })
      // Seconds are compared as a player shows them (whole seconds), so a clip the
      // submitter sees as 3:00 is not refused over a few milliseconds.
    } else if (Math.floor(file.durationSeconds) > req.maxDurationSeconds) {
      problems.push({
        field,
        code: 'file.tooLong',
        message: `${label}时长不超过 ${formatDurationLimit(req.maxDurationSeconds)}${which(file.kind, index, formatDuration(file.durationSeconds))}`,
        limit: req.maxDurationSeconds,
      })
    }
  }

  if (file.docx) {
    if (req.bodyMaxChars && file.docx.bodyChars > req.bodyMaxChars) {
      problems.push({
        field,
        code: 'docx.bodyTooLong',
        message: `文档正文不超过 ${req.bodyMaxChars} 字（当前 ${file.docx.bodyChars} 字）`,
        limit: req.bodyMaxChars,
      })
    }
    if (req.abstractMaxChars && file.docx.abstractChars > req.abstractMaxChars) {
      problems.push({
        field,
        code: 'docx.abstractTooLong',
        message: `文档摘要不超过 ${req.abstractMaxChars} 字（当前 ${file.docx.abstractChars} 字）`,
        limit: req.abstractMaxChars,
      })
    }
  }

  return problems
}
