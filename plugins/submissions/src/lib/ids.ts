/** A document id (number on SQLite, string on MongoDB), from an id or a populated document. */
export function idOf(value: unknown): number | string | undefined {
  if (typeof value === 'number' || typeof value === 'string') {
    return value
  }
  if (value && typeof value === 'object' && 'id' in value) {
    return idOf((value as { id: unknown }).id)
  }
  return undefined
}

/** Whether two references name the same document; ids compare as strings across adapters. */
export function sameId(a: unknown, b: unknown): boolean {
  const x = idOf(a)
  const y = idOf(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}
