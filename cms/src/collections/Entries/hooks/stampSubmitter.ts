import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, roleOf } from '../../../lib/roles'

/**
 * A participant's new entry is theirs and starts as a draft, and its
 * submitting institution is the one their account belongs to, whatever the
 * request body says (institution leaderboards and organizing awards count
 * it). Editors and server-side imports set these themselves; the fields'
 * access keeps a participant from changing them later.
 */
export const stampSubmitter: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (roleOf(req.user) !== 'participant' || operation !== 'create') {
    return data
  }
  const organization = (req.user as { organization?: unknown }).organization
  return {
    ...data,
    submittedBy: idOf(req.user),
    status: 'draft',
    organization: idOf(organization) ?? null,
  }
}
