import type { Where } from 'payload'

/**
 * A small in-memory reading of a Payload `Where` over a document read at
 * depth 0 — the operators the access table's rules use (equals, not_equals,
 * in, not_in, exists, and/or, dotted paths) — so the access-matrix test can
 * say which fixtures a rule admits without asking the database it tests.
 */
export function matches(doc: Record<string, unknown>, where: Where): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === 'and') {
      return (condition as Where[]).every((w) => matches(doc, w))
    }
    if (key === 'or') {
      return (condition as Where[]).some((w) => matches(doc, w))
    }
    return matchesField(valuesAt(doc, key), condition as Record<string, unknown>)
  })
}

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/** Every value at a dotted path; arrays (hasMany relations) spread into their items. */
function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc]
  for (const part of path.split('.')) {
    current = current.flatMap((v) => {
      if (v === null || v === undefined || typeof v !== 'object') {
        return []
      }
      const next = (v as Record<string, unknown>)[part]
      return Array.isArray(next) ? next : [next]
    })
  }
  return current.map(idOf).filter((v) => v !== undefined)
}

const same = (a: unknown, b: unknown) => a !== null && b !== null && String(a) === String(b)

function matchesField(values: unknown[], condition: Record<string, unknown>): boolean {
  return Object.entries(condition).every(([operator, operand]) => {
    const list = Array.isArray(operand) ? operand : String(operand).split(',')
    switch (operator) {
      case 'equals':
        return values.some((v) => same(v, operand))
      case 'not_equals':
        return !values.some((v) => same(v, operand))
      case 'in':
        return values.some((v) => list.some((o) => same(v, o)))
      case 'not_in':
        return !values.some((v) => list.some((o) => same(v, o)))
      case 'exists':
        return (values.some((v) => v !== null) === true) === Boolean(operand)
      default:
        throw new Error(`where matcher: operator "${operator}" is not supported`)
    }
  })
}
