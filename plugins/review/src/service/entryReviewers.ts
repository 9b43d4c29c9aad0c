import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { refId, storedDoc, type Id } from './lookups'

/**
 * Changes who is assigned to an entry (the list its read access checks),
 * inside the caller's transaction. Read and written in one transaction, so
 * two assignments to one entry never drop each other's reviewer.
 */
export async function changeEntryReviewers(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  entryId: Id,
  change: { add?: Id[]; remove?: Id[] },
): Promise<void> {
  const field = options.fields.reviewers
  const entry = await storedDoc(req, options.entries, entryId)
  const current = ((entry?.[field] ?? []) as unknown[])
    .map(refId)
    .filter((v): v is Id => v !== undefined)
  const removed = new Set((change.remove ?? []).map(String))
  const next = current.filter((id) => !removed.has(String(id)))
  for (const id of change.add ?? []) {
    if (!next.some((n) => String(n) === String(id))) {
      next.push(id)
    }
  }
  await req.payload.update({
    collection: options.entries,
    id: entryId,
    data: { [field]: next } as never,
    depth: 0,
    overrideAccess: true,
    context: { reviewAssignment: true },
    req,
  })
}
