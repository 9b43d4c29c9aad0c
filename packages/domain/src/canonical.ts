/**
 * One JSON text per value, whatever order its keys were written in: keys
 * sorted by code point, no whitespace, `undefined` left out (as
 * JSON.stringify does), dates as ISO instants. Hashing it pins a document
 * (an entry at screening, a frozen result) so anyone can recompute the hash
 * from an export.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null'
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString())
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return 'null'
  }
  return JSON.stringify(value)
}
