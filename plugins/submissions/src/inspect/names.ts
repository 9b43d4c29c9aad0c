/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

const MAX_NAME_BYTES = 200

/** UTF-8 length of one code point. */
function utf8Bytes(char: string): number {
  const cp = char.codePointAt(0) ?? 0
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

const isDotOrSpace = (c: string | undefined) => c === '.' || (c !== undefined && /\s/.test(c))

/** `text` without dots and whitespace at either end; a scan (`/[.\s]+$/` is quadratic on ". . . a"). */
function trimDotsAndSpaces(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isDotOrSpace(text[start])) {
    start++
  }
  while (end > start && isDotOrSpace(text[end - 1])) {
    end--
  }
  return text.slice(start, end)
}

/**
 * A client's file name made safe to store and to offer for download: the last
 * path segment only (no traversal), no control or bidirectional-override
 * characters (an "exe.jpg" disguised with U+202E), none of \/:*?"<>|, no
 * leading dots, no Windows device names, at most 200 UTF-8 bytes with the
 * extension kept. Chinese names stay as written: "工作照片（一）.jpg" is kept.
 * The name comes from the client, so every step is one pass over it.
 */
export function safeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? ''
  let clean = trimDotsAndSpaces(
    last
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
      .replace(/[<>:"|?*]/g, '_')
      .replace(/\s+/g, ' '),
  )

  const dot = clean.lastIndexOf('.')
  let stem = dot > 0 ? clean.slice(0, dot) : clean
  let ext = dot > 0 ? clean.slice(dot) : ''
  if (!/^\.[\p{L}\p{N}]{1,10}$/u.test(ext)) {
    stem = clean
    ext = ''
  }
  if (!stem || stem === '_') {
    stem = 'file'
  }
  const device = stem.split('.')[0] ?? ''
  if (RESERVED.test(device.trim())) {
    stem = `_${stem}`
  }
  // The longest start of the stem that fits beside the extension (at least one character).
  const budget = MAX_NAME_BYTES - new TextEncoder().encode(ext).length
  let kept = ''
  let used = 0
  for (const char of stem) {
    used += utf8Bytes(char)
    if (used > budget && kept) {
      break
    }
    kept += char
  }
  clean = `${kept.trim()}${ext.toLowerCase()}`
  return clean
}
