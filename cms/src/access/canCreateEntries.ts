import type { Access } from 'payload'

import { isEditorRole, roleOf } from '../lib/roles'

export const canCreateEntries: Access = ({ req }) => {
  const role = roleOf(req.user)
  return isEditorRole(role) || role === 'participant'
}
