import type { CollectionConfig, FieldAccess } from 'payload'

import { accessFor } from '../../access/accessFor'
import { isEditorField } from '../../access/isEditor'
import { ENTRY_STATE_LABELS } from '@exemplar/domain'
import { ARRAY_ROWS, rowLabel } from '../../lib/arrayRows'
import { beijingDate } from '../../lib/dates'
import { l, optionsFrom } from '../../lib/label'
import { provinceField } from '../../lib/provinces'
import { idOf, isEditorRole, roleOf } from '../../lib/roles'
import { assignEntryNumber } from './hooks/assignEntryNumber'
import { stampSubmitter } from './hooks/stampSubmitter'
import { validateTrack } from './validateTrack'

/** Workflow history names the editors who acted: only editors and the submitter see it. */
const editorOrSubmitterField: FieldAccess = ({ req, doc }) => {
  if (isEditorRole(roleOf(req.user))) {
    return true
  }
  const submittedBy = doc?.submittedBy
  const ownerId = submittedBy && typeof submittedBy === 'object' ? submittedBy.id : submittedBy
  return ownerId !== undefined && ownerId === idOf(req.user)
}

const editorOnly = { create: isEditorField, update: isEditorField }

export const ENTRY_CHANNELS = [
  { value: 'self', label: l('机构自荐', 'Self-recommended by the institution') },
  { value: 'provincial', label: l('各省推荐', 'Provincial recommendation') },
  { value: 'media', label: l('媒体单位推荐', 'Recommended by a media unit') },
  { value: 'individual', label: l('个人作者直报', 'Individual, direct') },
]

/** 作品/案例: one submission to one track of one campaign. */
export const Entries: CollectionConfig = {
  slug: 'entries',
  labels: { singular: l('作品', 'Entry'), plural: l('作品', 'Entries') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['number', 'title', 'campaign', 'track', 'status', 'province'],
    group: l('征集活动', 'Campaigns'),
    listSearchableFields: ['title', 'number'],
  },
  defaultSort: '-createdAt',
  // A copy would carry another submitter's files past the attachment and quota checks.
  disableDuplicate: true,
  access: accessFor('entries'),
  hooks: {
    // The status changes only through the workflow plugin, which records each move.
    beforeChange: [stampSubmitter, assignEntryNumber],
  },
  indexes: [{ fields: ['campaign', 'status'] }, { fields: ['campaign', 'track', 'status'] }],
  fields: [
    {
      name: 'number',
      label: l('作品编号', 'Entry number'),
      type: 'text',
      unique: true,
      index: true,
      access: editorOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'title', label: l('标题', 'Title'), type: 'text', required: true, maxLength: 100 },
    {
      type: 'row',
      fields: [
        {
          name: 'campaign',
          label: l('征集活动', 'Campaign'),
          type: 'relationship',
          relationTo: 'campaigns',
          required: true,
          index: true,
        },
        {
          name: 'track',
          label: l('作品类别', 'Track'),
          type: 'text',
          required: true,
          index: true,
          validate: validateTrack,
          admin: {
            components: {
              Cell: '/components/Track#TrackCell',
              Field: '/components/Track#TrackSelect',
            },
          },
        },
        {
          name: 'theme',
          label: l('征集主题', 'Theme'),
          type: 'relationship',
          relationTo: 'themes',
          index: true,
          filterOptions: ({ data }) =>
            data?.campaign ? { campaign: { equals: data.campaign } } : true,
        },
      ],
    },
    { name: 'abstract', label: l('摘要', 'Abstract'), type: 'textarea', maxLength: 5_000 },
    {
      name: 'sections',
      label: l('正文', 'Body'),
      type: 'array',
      labels: ARRAY_ROWS.sections,
      admin: {
        description: l('按类别要求的章节填写', 'One item per section the track requires'),
        components: { RowLabel: rowLabel('SectionRowLabel') },
      },
      fields: [
        {
          name: 'heading',
          label: l('章节', 'Section'),
          type: 'text',
          required: true,
          maxLength: 200,
        },
        {
          name: 'body',
          label: l('内容', 'Text'),
          type: 'textarea',
          required: true,
          maxLength: 20_000,
        },
      ],
    },
    {
      name: 'attachments',
      label: l('附件', 'Attachments'),
      type: 'array',
      labels: ARRAY_ROWS.attachments,
      admin: { components: { RowLabel: rowLabel('AttachmentRowLabel') } },
      fields: [
        {
          name: 'file',
          label: l('文件', 'File'),
          type: 'upload',
          relationTo: 'media',
          required: true,
        },
        { name: 'caption', label: l('说明', 'Caption'), type: 'textarea', maxLength: 1_000 },
      ],
    },
    {
      name: 'authors',
      label: l('作者', 'Authors'),
      type: 'array',
      labels: ARRAY_ROWS.authors,
      admin: { components: { RowLabel: rowLabel('AuthorRowLabel') } },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              label: l('姓名', 'Name'),
              type: 'text',
              required: true,
              maxLength: 100,
            },
            { name: 'title', label: l('职务/职称', 'Position'), type: 'text', maxLength: 100 },
            { name: 'affiliation', label: l('单位', 'Affiliation'), type: 'text', maxLength: 200 },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'organization',
          label: l('报送机构', 'Submitting institution'),
          type: 'relationship',
          relationTo: 'organizations',
          index: true,
          // Set from the submitter's account on create (stampSubmitter); only editors change it.
          access: editorOnly,
        },
        provinceField(l('所在省份', 'Province')),
        { name: 'city', label: l('所在城市', 'City'), type: 'text', maxLength: 50 },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          label: l('报送形式', 'Channel'),
          type: 'select',
          options: ENTRY_CHANNELS,
          defaultValue: 'self',
        },
        {
          name: 'recommendingUnit',
          label: l('推荐单位', 'Recommending unit'),
          type: 'text',
          maxLength: 200,
        },
        {
          name: 'informationSource',
          label: l('信息来源', 'How you heard of it'),
          type: 'text',
          maxLength: 200,
          admin: { condition: (_, sibling) => sibling?.channel === 'individual' },
        },
      ],
    },
    {
      name: 'declarations',
      label: l('声明', 'Declarations'),
      type: 'group',
      fields: [
        {
          name: 'original',
          label: l('作品为原创，不侵犯第三方权利', 'The work is original'),
          type: 'checkbox',
        },
        {
          name: 'truthful',
          label: l('内容真实、科学', 'The content is truthful'),
          type: 'checkbox',
        },
        {
          name: 'freeUse',
          label: l('自愿无偿提供主办方用于活动宣传展示', 'Free use for the campaign'),
          type: 'checkbox',
        },
      ],
    },
    {
      name: 'status',
      label: l('状态', 'Status'),
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: optionsFrom(ENTRY_STATE_LABELS),
      access: editorOnly,
      // Changed by the workflow's actions (its endpoint checks the transition table), never typed in.
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'submittedBy',
      label: l('提交人', 'Submitted by'),
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { ...editorOnly, read: editorOrSubmitterField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'award',
      label: l('奖项', 'Award'),
      type: 'group',
      access: editorOnly,
      fields: [
        { name: 'name', label: l('奖项名称', 'Award'), type: 'text' },
        {
          name: 'certificateNumber',
          label: l('证书编号', 'Certificate number'),
          type: 'text',
          index: true,
        },
        beijingDate({ name: 'awardedAt', label: l('授予时间', 'Awarded at') }),
      ],
    },
  ],
}
