import type { CollectionConfig } from 'payload'

import { accessFor } from '../../access/accessFor'
import { ARRAY_ROWS, rowLabel } from '../../lib/arrayRows'
import { l, optionsFrom } from '../../lib/label'
import { ORGANIZER_ROLE_LABELS, PHASE_LABELS } from '@exemplar/domain'
import { phasesField, tracksField } from './fields'
import { computeOpenPhases } from './hooks/computeOpenPhases'
import { validateEntryPrefix } from './validateEntryPrefix'

/** 征集活动: one edition of a campaign, with its organizers, timeline, tracks and rules. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: { singular: l('征集活动', 'Campaign'), plural: l('征集活动', 'Campaigns') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'openPhases', '_status'],
    group: l('征集活动', 'Campaigns'),
  },
  defaultSort: '-year',
  versions: { drafts: true },
  access: accessFor('campaigns'),
  fields: [
    { name: 'title', label: l('活动名称', 'Title'), type: 'text', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'slug',
          label: l('网址标识', 'Slug'),
          type: 'text',
          required: true,
          unique: true,
          index: true,
        },
        {
          name: 'series',
          label: l('系列', 'Series'),
          type: 'text',
          index: true,
          admin: { description: l('同一活动的历届共用', 'Shared by editions of one campaign') },
        },
        { name: 'year', label: l('年度', 'Year'), type: 'number', required: true, index: true },
        {
          name: 'entryPrefix',
          label: l('作品编号前缀', 'Entry number prefix'),
          type: 'text',
          unique: true,
          index: true,
          validate: validateEntryPrefix,
          admin: {
            description: l(
              '2–4 个大写字母，活动间不重复；作品编号形如 2026-YZ0001',
              '2–4 capital letters, unique; entry numbers read e.g. 2026-YZ0001',
            ),
          },
        },
      ],
    },
    { name: 'summary', label: l('简介', 'Summary'), type: 'textarea' },
    { name: 'cover', label: l('封面', 'Cover'), type: 'upload', relationTo: 'media' },
    {
      name: 'openPhases',
      label: l('当前阶段', 'Open phases'),
      type: 'select',
      hasMany: true,
      virtual: true,
      options: optionsFrom(PHASE_LABELS),
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [computeOpenPhases] },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: l('介绍', 'About'),
          fields: [
            { name: 'description', label: l('活动介绍', 'Description'), type: 'richText' },
            {
              name: 'organizers',
              label: l('组织架构', 'Organizers'),
              type: 'array',
              labels: ARRAY_ROWS.organizers,
              admin: { components: { RowLabel: rowLabel('OrganizerRowLabel') } },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'role',
                      label: l('角色', 'Role'),
                      type: 'select',
                      required: true,
                      options: optionsFrom(ORGANIZER_ROLE_LABELS),
                    },
                    { name: 'name', label: l('单位名称', 'Name'), type: 'text', required: true },
                  ],
                },
              ],
            },
            {
              name: 'contacts',
              label: l('联系人', 'Contacts'),
              type: 'array',
              labels: ARRAY_ROWS.contacts,
              admin: { components: { RowLabel: rowLabel('ContactRowLabel') } },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'name', label: l('姓名', 'Name'), type: 'text', required: true },
                    { name: 'organization', label: l('单位', 'Organization'), type: 'text' },
                    { name: 'phone', label: l('电话', 'Phone'), type: 'text' },
                    { name: 'email', label: l('邮箱', 'Email'), type: 'email' },
                  ],
                },
              ],
            },
          ],
        },
        { label: l('时间线', 'Timeline'), fields: [phasesField] },
        { label: l('作品类别', 'Tracks'), fields: [tracksField] },
        {
          label: l('规则', 'Rules'),
          fields: [
            {
              name: 'legalTerms',
              label: l('报送须知', 'Terms the submitter accepts'),
              type: 'array',
              labels: ARRAY_ROWS.legalTerms,
              admin: { components: { RowLabel: rowLabel('LegalTermRowLabel') } },
              fields: [
                {
                  name: 'key',
                  label: l('类型', 'Kind'),
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'originality', label: l('原创声明', 'Originality') },
                    { value: 'rights', label: l('第三方权利', 'Third-party rights') },
                    { value: 'licence', label: l('使用授权', 'Usage licence') },
                    { value: 'content', label: l('内容规范', 'Content restrictions') },
                    { value: 'fees', label: l('费用', 'Fees') },
                    { value: 'other', label: l('其他', 'Other') },
                  ],
                },
                { name: 'title', label: l('标题', 'Title'), type: 'text', required: true },
                { name: 'text', label: l('内容', 'Text'), type: 'textarea', required: true },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'sourceNotice',
      label: l('来源通知', 'Source notice'),
      type: 'text',
      admin: { position: 'sidebar' },
    },
  ],
}
