import type { Access } from 'payload'

import { idOf, isEditorRole, roleOf } from '../lib/roles'

/** Editors, or the account named in the document's `owner` field. */
export const editorOrOwner: Access = ({ req }) => {
  if (isEditorRole(roleOf(req.user))) {
    return true
  }
  const id = idOf(req.user)
  return id === undefined ? false : { owner: { equals: id } }
}
