import type { CollectionConfig } from 'payload'

import { accessFor } from '../access/accessFor'
import { l } from '../lib/label'

/** 征集主题: the topics of one campaign, nested one level or more (area → sub-theme). */
export const Themes: CollectionConfig = {
  slug: 'themes',
  labels: { singular: l('征集主题', 'Theme'), plural: l('征集主题', 'Themes') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'campaign', 'parent', 'order'],
    group: l('征集活动', 'Campaigns'),
  },
  defaultSort: 'order',
  // Themes carry no private data, and a campaign's page needs them before it opens.
  access: accessFor('themes'),
  indexes: [{ fields: ['campaign', 'code'], unique: true }],
  fields: [
    { name: 'title', label: l('主题名称', 'Title'), type: 'text', required: true },
    {
      name: 'code',
      label: l('编号', 'Code'),
      type: 'text',
      required: true,
      admin: {
        description: l('在同一活动内唯一，用于网址', 'Unique within the campaign; used in URLs'),
      },
    },
    {
      name: 'campaign',
      label: l('所属活动', 'Campaign'),
      type: 'relationship',
      relationTo: 'campaigns',
      required: true,
      index: true,
    },
    {
      name: 'parent',
      label: l('上级主题', 'Parent theme'),
      type: 'relationship',
      relationTo: 'themes',
      index: true,
      filterOptions: ({ data }) =>
        data?.campaign ? { campaign: { equals: data.campaign } } : true,
    },
    { name: 'description', label: l('说明', 'Description'), type: 'textarea' },
    { name: 'order', label: l('排序', 'Order'), type: 'number', defaultValue: 0, index: true },
  ],
}
