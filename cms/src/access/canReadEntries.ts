import type { Access, Where } from 'payload'

import { PUBLIC_ENTRY_STATES } from '../lib/entryStates'
import { idOf, isEditorRole, roleOf } from '../lib/roles'

const onPublicDisplay: Where = { status: { in: [...PUBLIC_ENTRY_STATES] } }

/**
 * Editors read every entry. A reviewer reads only the entries assigned to
 * them (blind review: nothing else, not even the public ones). A participant
 * reads their own entries in any state plus what is on public display.
 * Everyone else reads what is on public display.
 */
export const canReadEntries: Access = ({ req }): boolean | Where => {
  const role = roleOf(req.user)
  const id = idOf(req.user)
  if (isEditorRole(role)) {
    return true
  }
  if (role === 'reviewer' && id !== undefined) {
    return { reviewers: { in: [id] } }
  }
  if (role === 'participant' && id !== undefined) {
    return { or: [{ submittedBy: { equals: id } }, onPublicDisplay] }
  }
  return onPublicDisplay
}
