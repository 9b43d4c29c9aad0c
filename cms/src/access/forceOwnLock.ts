import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../lib/roles'

/** A document lock always names the account that took it: nobody forges one "held by" an editor. */
export const forceOwnLock: CollectionBeforeChangeHook = ({ data, req }) => {
  const id = idOf(req.user)
  return id === undefined ? data : { ...data, user: { relationTo: 'users', value: id } }
}
