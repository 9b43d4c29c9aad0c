/** Numbers as the Chinese messages show them. */

const KB = 1024
const MB = 1024 * 1024
const GB = 1024 * 1024 * 1024

function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '')
}

/**
 * Binary units, as Windows Explorer and phones show file sizes, so "2 MB" in a
 * notice matches what the submitter sees for their file.
 */
export function formatBytes(bytes: number, digits = 1): string {
  if (bytes >= GB) {
    return `${trimmed(bytes / GB, digits)} GB`
  }
  if (bytes >= MB) {
    return `${trimmed(bytes / MB, digits)} MB`
  }
  if (bytes >= KB) {
    return `${trimmed(bytes / KB, digits)} KB`
  }
  return `${bytes} 字节`
}

/**
 * A size next to the limit it broke, never rounded onto the limit: 2 097 151
 * bytes against a 2 MB minimum reads "2 MB" at one decimal, which would make
 * the message contradict itself, so more digits (then bytes) are shown.
 */
export function formatBytesAgainst(bytes: number, limit: number): string {
  for (const digits of [1, 2, 3]) {
    const shown = formatBytes(bytes, digits)
    if (shown !== formatBytes(limit, digits)) {
      return shown
    }
  }
  return `${bytes} 字节`
}

/** Whole seconds as a player shows them: 3 分 01 秒, 45 秒, 1 小时 02 分 03 秒. */
export function formatDuration(seconds: number): string {
  const total = Math.floor(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  if (h > 0) {
    return `${h} 小时 ${pad(m)} 分 ${pad(s)} 秒`
  }
  if (m > 0) {
    return `${m} 分 ${pad(s)} 秒`
  }
  return `${s} 秒`
}

/** A duration limit as a notice states it: 3 分钟, 90 秒, 1 小时. */
export function formatDurationLimit(seconds: number): string {
  if (seconds % 3600 === 0 && seconds >= 3600) {
    return `${seconds / 3600} 小时`
  }
  if (seconds % 60 === 0 && seconds >= 60) {
    return `${seconds / 60} 分钟`
  }
  return formatDuration(seconds)
}
