import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, isEditorRole, roleOf } from '../../../lib/roles'

/** A participant's new entry is theirs and starts as a draft, whatever the request body says. */
export const stampSubmitter: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || isEditorRole(roleOf(req.user))) {
    return data
  }
  return { ...data, submittedBy: idOf(req.user), status: 'draft' }
}
