import type { CollectionBeforeValidateHook } from 'payload'
import { Forbidden } from 'payload'

import { fieldAccessFor } from '../../../access/accessFor'

const passwordAccess = fieldAccessFor('users', 'password').update!

/**
 * Payload's password is no field, so field access cannot guard it: a new
 * password in an update is refused here unless the table's `password` row
 * allows the caller (the account's owner, or an admin) — an editor who could
 * set an admin's password could sign in as that admin.
 */
export const refuseForeignPassword: CollectionBeforeValidateHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || req.payloadAPI === 'local' || !data?.password) {
    return data
  }
  const allowed = await passwordAccess({ req, id: originalDoc?.id, doc: originalDoc, data })
  if (!allowed) {
    throw new Forbidden(req.t)
  }
  return data
}
