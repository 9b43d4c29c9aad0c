import type { CollectionBeforeLoginHook, CollectionConfig, Field } from 'payload'
import { AuthenticationError } from 'payload'

import type { ResolvedParticipantsOptions } from '../types'

/**
 * An account made by registration signs in only after its owner opened the
 * link mailed to the address. Until then it answers exactly as a wrong
 * password does: a distinct answer would tell whoever registered an address
 * and tried the password they chose whether that address was new.
 */
const refuseUnconfirmedLogin: CollectionBeforeLoginHook = ({ req, user }) => {
  if ((user as { awaitingConfirmation?: unknown }).awaitingConfirmation === true) {
    throw new AuthenticationError(req.t)
  }
  return user
}

/** The fields registration keeps on the account, and the sign-in check they feed. */
export function extendUsers(
  collection: CollectionConfig,
  options: ResolvedParticipantsOptions,
): CollectionConfig {
  const editors = ({ req }: { req: { user?: unknown } }) => options.isEditor(req.user)
  const fields: Field[] = [
    {
      name: 'awaitingConfirmation',
      label: { zh: '待邮件确认', en: 'Awaiting email confirmation' },
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: () => false, update: editors },
      admin: { position: 'sidebar' },
    },
    // Only the hash of the mailed token is kept; hidden fields never leave the server.
    { name: 'confirmationTokenHash', type: 'text', index: true, hidden: true },
    { name: 'confirmationExpiresAt', type: 'date', hidden: true },
  ]
  const names = new Set(collection.fields.map((f) => ('name' in f ? f.name : '')))
  return {
    ...collection,
    fields: [...collection.fields, ...fields.filter((f) => !('name' in f && names.has(f.name)))],
    hooks: {
      ...collection.hooks,
      beforeLogin: [...(collection.hooks?.beforeLogin ?? []), refuseUnconfirmedLogin],
    },
  }
}
