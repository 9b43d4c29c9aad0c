import type { CollectionConfig } from 'payload'

import { accessFor, fieldAccessFor } from '../../access/accessFor'
import { l, optionsFrom } from '../../lib/label'
import { ROLE_LABELS } from '../../lib/roles'
import { refuseForeignPassword } from './hooks/refuseForeignPassword'

/** Browsers send the session cookie over HTTPS only in production (localhost counts as secure). */
const secureCookies =
  process.env.NODE_ENV === 'production' && !process.env.EXEMPLAR_INSECURE_COOKIES

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: l('用户', 'User'), plural: l('用户', 'Users') },
  auth: {
    // Sessions are short for staff accounts; the site signs readers in separately.
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    cookies: { secure: secureCookies, sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'organization'],
    group: l('系统', 'System'),
  },
  // Participants, partners and readers use the public site, not the admin (the `admin` row).
  access: accessFor('users', true),
  hooks: {
    beforeValidate: [refuseForeignPassword],
  },
  fields: [
    // Merged into Payload's own email field: only the owner or an admin changes it.
    { name: 'email', type: 'email', required: true, access: fieldAccessFor('users', 'email') },
    { name: 'name', label: l('姓名', 'Name'), type: 'text', required: true, maxLength: 100 },
    {
      name: 'role',
      label: l('角色', 'Role'),
      type: 'select',
      required: true,
      defaultValue: 'participant',
      options: optionsFrom(ROLE_LABELS),
      saveToJWT: true,
      index: true,
      // Only an admin hands out roles; nobody promotes themselves.
      access: fieldAccessFor('users', 'role'),
    },
    {
      name: 'organization',
      label: l('所属机构', 'Organization'),
      type: 'relationship',
      relationTo: 'organizations',
      // Entries are credited to this institution: only editors (and registration) set it.
      access: fieldAccessFor('users', 'organization'),
    },
    { name: 'phone', label: l('手机号', 'Mobile'), type: 'text', maxLength: 32 },
    // Merged into Payload's session list: an account's sessions never leave the server.
    { name: 'sessions', type: 'array', fields: [], access: fieldAccessFor('users', 'sessions') },
  ],
}
