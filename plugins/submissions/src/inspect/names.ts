/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

const MAX_NAME_BYTES = 200

/**
 * A client's file name made safe to store and to offer for download: the last
 * path segment only (no traversal), no control or bidirectional-override
 * characters (an "exe.jpg" disguised with U+202E), none of \/:*?"<>|, no
 * leading dots, no Windows device names, at most 200 UTF-8 bytes with the
 * extension kept. Chinese names stay as written: "工作照片（一）.jpg" is kept.
 */
export function safeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? ''
  let clean = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')

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
  const encoder = new TextEncoder()
  let chars = [...stem]
  while (chars.length > 1 && encoder.encode(chars.join('') + ext).length > MAX_NAME_BYTES) {
    chars = chars.slice(0, -1)
  }
  clean = `${chars.join('').trim()}${ext.toLowerCase()}`
  return clean
}
