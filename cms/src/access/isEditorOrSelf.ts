import type { Access } from 'payload'

import { idOf, isEditorRole, roleOf } from '../lib/roles'

/** Editors see every account; anyone else only their own. */
export const isEditorOrSelf: Access = ({ req }) => {
  if (isEditorRole(roleOf(req.user))) {
    return true
  }
  const id = idOf(req.user)
  return id === undefined ? false : { id: { equals: id } }
}
