import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../access/isAdmin'
import { isEditor, isEditorField } from '../access/isEditor'
import { isEditorOrSelf } from '../access/isEditorOrSelf'
import { l, optionsFrom } from '../lib/label'
import { ROLE_LABELS, roleOf } from '../lib/roles'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: l('用户', 'User'), plural: l('用户', 'Users') },
  auth: {
    // Sessions are short for staff accounts; the site signs readers in separately.
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'organization'],
    group: l('系统', 'System'),
  },
  access: {
    // Participants, partners and readers use the public site, not the admin.
    admin: ({ req }) => ['admin', 'editor', 'reviewer'].includes(roleOf(req.user) ?? ''),
    read: isEditorOrSelf,
    create: isEditor,
    update: isEditorOrSelf,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', label: l('姓名', 'Name'), type: 'text', required: true },
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
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'organization',
      label: l('所属机构', 'Organization'),
      type: 'relationship',
      relationTo: 'organizations',
      // Entries are credited to this institution: only editors (and registration) set it.
      access: { create: isEditorField, update: isEditorField },
    },
    { name: 'phone', label: l('手机号', 'Mobile'), type: 'text' },
  ],
}
