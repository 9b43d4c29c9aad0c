import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, roleOf } from '../../../lib/roles'

/**
 * A participant's new entry is theirs and starts as a draft, whatever the
 * request body says. Editors and server-side imports set these themselves.
 */
export const stampSubmitter: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || roleOf(req.user) !== 'participant') {
    return data
  }
  return { ...data, submittedBy: idOf(req.user), status: 'draft' }
}
