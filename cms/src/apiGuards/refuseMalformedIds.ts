import type { CollectionBeforeOperationHook } from 'payload'
import { NotFound } from 'payload'

/**
 * A path id the database cannot hold (`/api/themes/abc` on SQLite, whose ids
 * are integers) crashed the adapter into a 500; it names a document that
 * does not exist, so it answers 404 like any other.
 */
export const refuseMalformedIds: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) {
    return args
  }
  const numeric = req.payload.db.defaultIDType === 'number'
  const valid = numeric
    ? (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
      (typeof id === 'string' && /^[1-9]\d{0,14}$/.test(id))
    : typeof id === 'string' && /^[a-f0-9]{24}$/i.test(id)
  if (!valid) {
    throw new NotFound(req.t)
  }
  return args
}
