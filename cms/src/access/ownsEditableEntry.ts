import type { Access, Where } from 'payload'

import { SUBMITTER_EDITABLE_STATES } from '../lib/entryStates'
import { idOf, isEditorRole, roleOf } from '../lib/roles'

/** Editors change any entry; a submitter only their own, and only while draft or returned. */
export const ownsEditableEntry: Access = ({ req }): boolean | Where => {
  if (isEditorRole(roleOf(req.user))) {
    return true
  }
  const id = idOf(req.user)
  if (roleOf(req.user) !== 'participant' || id === undefined) {
    return false
  }
  return {
    and: [{ submittedBy: { equals: id } }, { status: { in: [...SUBMITTER_EDITABLE_STATES] } }],
  }
}
