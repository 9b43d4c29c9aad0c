import type { Access } from 'payload'

import { idOf, isEditorRole, roleOf } from '../lib/roles'

/** Verified institutions are public; an unverified one is seen by editors and its own account. */
export const verifiedOrOwnOrganization: Access = ({ req }) => {
  if (isEditorRole(roleOf(req.user))) {
    return true
  }
  const verified = { verification: { equals: 'verified' } }
  const id = idOf(req.user)
  return id === undefined ? verified : { or: [verified, { owner: { equals: id } }] }
}
