import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { licenceMismatchMessage, namesMatch } from '../lib/names'
import type { ResolvedParticipantsOptions } from '../types'
import { agreementField } from './MediaPartners'
import { greet, userContact, verificationDecidedAtField, verificationHooks } from './verification'

/**
 * Whenever the name or the licence name is written, they must agree (seed
 * 000: the platform refuses to save otherwise). Only writes that touch either
 * are checked, so institutions imported without a licence name stay editable.
 */
const licenceNameMatches: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!('name' in data) && !('licenceName' in data)) {
    return data
  }
  const name = data.name ?? originalDoc?.name
  const licence = data.licenceName ?? originalDoc?.licenceName
  if (
    typeof licence === 'string' &&
    licence.trim() !== '' &&
    !namesMatch(String(name ?? ''), licence)
  ) {
    throw new ValidationError({
      collection: 'organizations',
      errors: [{ path: 'licenceName', message: licenceMismatchMessage(name, licence) }],
      req,
    })
  }
  return data
}

/**
 * Attaches to the CMS's organizations what verification needs: the
 * agreement time, the decision time, the name check, the rejection rule and
 * the owner's email. The verification fields themselves (and their
 * editor-only access) stay in the CMS collection.
 */
export function extendOrganizations(
  collection: CollectionConfig,
  options: ResolvedParticipantsOptions,
): CollectionConfig {
  const verification = verificationHooks({
    isEditor: options.isEditor,
    subject: '机构认证',
    reviewedFields: ['name', 'licenceName', 'type'],
    recipient: async (doc, req) => {
      const owner = await userContact(req, options.users, doc.owner)
      return { email: owner?.email, greeting: greet(owner?.name), title: String(doc.name) }
    },
  })
  const has = (name: string) => collection.fields.some((f) => 'name' in f && f.name === name)
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeChange: [
        ...(collection.hooks?.beforeChange ?? []),
        licenceNameMatches,
        verification.beforeChange,
      ],
      afterChange: [...(collection.hooks?.afterChange ?? []), verification.afterChange],
    },
    fields: [
      ...collection.fields,
      ...(has('verificationDecidedAt') ? [] : [verificationDecidedAtField]),
      ...(has('agreementAcceptedAt') ? [] : [agreementField]),
    ],
  }
}
