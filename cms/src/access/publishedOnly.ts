import type { Access } from 'payload'

import { isEditorRole, roleOf } from '../lib/roles'

/** Editors read drafts; everyone else reads published documents only, filtered by the database. */
export const publishedOnly: Access = ({ req }) => {
  if (isEditorRole(roleOf(req.user))) {
    return true
  }
  return { _status: { equals: 'published' } }
}
