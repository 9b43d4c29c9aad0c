import type { CollectionConfig } from 'payload'

import { accessFor } from '../access/accessFor'
import { isEditorField } from '../access/isEditor'
import {
  INSTITUTION_TYPE_LABELS,
  MEDIA_ACCOUNT_KIND_LABELS,
  VERIFICATION_LABELS,
} from '@exemplar/domain'

import { ARRAY_ROWS, rowLabel } from '../lib/arrayRows'
import { l, optionsFrom } from '../lib/label'
import { provinceField } from '../lib/provinces'

export const ORGANIZATION_TYPES = optionsFrom(INSTITUTION_TYPE_LABELS)

export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: { singular: l('机构', 'Organization'), plural: l('机构', 'Organizations') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'type', 'province', 'verification'],
    group: l('参与者', 'Participants'),
  },
  access: accessFor('organizations'),
  fields: [
    {
      name: 'name',
      label: l('机构名称', 'Name'),
      type: 'text',
      required: true,
      index: true,
      maxLength: 200,
    },
    {
      name: 'licenceName',
      label: l('营业执照名称', 'Business-licence name'),
      type: 'text',
      maxLength: 200,
      admin: { description: l('须与机构名称一致', 'Must equal the registered name') },
    },
    {
      name: 'type',
      label: l('机构类型', 'Type'),
      type: 'select',
      required: true,
      options: ORGANIZATION_TYPES,
      index: true,
    },
    {
      type: 'row',
      fields: [
        provinceField(l('省份', 'Province')),
        { name: 'city', label: l('城市', 'City'), type: 'text', maxLength: 50 },
      ],
    },
    {
      name: 'campuses',
      label: l('院区', 'Campuses'),
      type: 'array',
      labels: ARRAY_ROWS.campuses,
      admin: { components: { RowLabel: rowLabel('CampusRowLabel') } },
      fields: [
        {
          name: 'name',
          label: l('院区名称', 'Name'),
          type: 'text',
          required: true,
          maxLength: 100,
        },
        { name: 'address', label: l('地址', 'Address'), type: 'text', maxLength: 200 },
      ],
    },
    {
      name: 'mediaAccounts',
      label: l('新媒体账号', 'New-media accounts'),
      type: 'array',
      labels: ARRAY_ROWS.mediaAccounts,
      admin: { components: { RowLabel: rowLabel('MediaAccountRowLabel') } },
      fields: [
        {
          name: 'kind',
          label: l('类型', 'Kind'),
          type: 'select',
          required: true,
          options: optionsFrom(MEDIA_ACCOUNT_KIND_LABELS),
        },
        {
          name: 'name',
          label: l('账号名称', 'Account name'),
          type: 'text',
          required: true,
          maxLength: 100,
        },
        { name: 'url', label: l('链接', 'URL'), type: 'text', maxLength: 500 },
      ],
    },
    {
      name: 'verification',
      label: l('认证状态', 'Verification'),
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: optionsFrom(VERIFICATION_LABELS),
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'verificationNote',
      label: l('审核意见', 'Verification note'),
      type: 'textarea',
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'owner',
      label: l('管理账号', 'Managed by'),
      type: 'relationship',
      relationTo: 'users',
      index: true,
      // Registration names the owner; nobody else hands an institution to an account.
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar' },
    },
  ],
}
