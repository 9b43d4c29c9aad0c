import type { CollectionBeforeOperationHook, Field, Where } from 'payload'

/** Matches nothing: no document lacks an id. */
const NOTHING: Where = { id: { exists: false } }

const numericId = (v: unknown) =>
  (typeof v === 'number' && Number.isSafeInteger(v)) ||
  (typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim()))

/**
 * Conditions the SQLite adapter cannot run become what they mean instead of
 * a 500: an empty `in` list matches nothing (an empty `not_in` everything),
 * and on integer ids a non-numeric id matches nothing, whatever the operator
 * — `where[id][in]=`, `campaign=<bytes>` and `campaign[like]=x` all reached
 * the database as NaN or a broken join.
 */
export const sanitizeWhere: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: unknown }).where
  if (!where || typeof where !== 'object') {
    return args
  }
  const numeric = req.payload.db.defaultIDType === 'number'
  const relations = new Set(
    collection.flattenedFields
      .filter((f) => f.type === 'relationship' || f.type === 'upload')
      .filter((f) => !Array.isArray((f as { relationTo?: unknown }).relationTo))
      .map((f) => (f as Field & { name: string }).name),
  )
  relations.add('id')
  return { ...args, where: clean(where as Where, numeric ? relations : new Set()) }
}

function clean(where: Where, idFields: Set<string>, depth = 0): Where {
  if (depth > 12) {
    return NOTHING
  }
  const out: Where[] = []
  for (const [key, condition] of Object.entries(where)) {
    // Payload reads `AND`/`OR` (GraphQL's spelling) as `and`/`or`.
    const logical = key.toLowerCase()
    if ((logical === 'and' || logical === 'or') && Array.isArray(condition)) {
      const parts = (condition as Where[]).map((w) =>
        w && typeof w === 'object' ? clean(w, idFields, depth + 1) : NOTHING,
      )
      out.push({ [logical]: parts })
      continue
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
      out.push({ [key]: condition } as Where)
      continue
    }
    const kept: Record<string, unknown> = {}
    let never = false
    for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
      const list =
        operator === 'in' || operator === 'not_in' || operator === 'all'
          ? (Array.isArray(operand) ? operand : String(operand ?? '').split(',')).filter(
              (x) => x !== '',
            )
          : undefined
      const ids = idFields.has(key)
      if (list && list.length === 0) {
        never ||= operator !== 'not_in'
        continue
      }
      if (ids && list) {
        const usable = list.filter(numericId)
        if (usable.length === 0) {
          never ||= operator !== 'not_in'
          continue
        }
        kept[operator] = usable
        continue
      }
      if (ids && operator !== 'exists' && !numericId(operand)) {
        // A non-numeric id matches nothing; a negated condition on it holds for every document.
        if (operand === null && (operator === 'equals' || operator === 'not_equals')) {
          kept[operator] = operand
        } else {
          never ||= !operator.startsWith('not_')
        }
        continue
      }
      kept[operator] = operand
    }
    if (never) {
      out.push(NOTHING)
    } else if (Object.keys(kept).length > 0) {
      out.push({ [key]: kept } as Where)
    }
  }
  return out.length === 0 ? {} : out.length === 1 ? out[0]! : { and: out }
}
