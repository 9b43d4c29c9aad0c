import type { CollectionConfig } from 'payload'

import { accessFor } from '../access/accessFor'
import { beijingDate } from '../lib/dates'
import { l } from '../lib/label'

/** Campaign news (活动动态), such as the summary-conference report of seed 003. */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: l('活动动态', 'News post'), plural: l('活动动态', 'News') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'campaign', 'publishedAt', '_status'],
    group: l('内容', 'Content'),
  },
  defaultSort: '-publishedAt',
  versions: { drafts: true },
  access: accessFor('posts'),
  fields: [
    { name: 'title', label: l('标题', 'Title'), type: 'text', required: true },
    {
      name: 'slug',
      label: l('网址标识', 'Slug'),
      type: 'text',
      required: true,
      unique: true,
      index: true,
    },
    {
      name: 'campaign',
      label: l('所属活动', 'Campaign'),
      type: 'relationship',
      relationTo: 'campaigns',
      index: true,
    },
    beijingDate({
      name: 'publishedAt',
      label: l('发布时间', 'Published at'),
      index: true,
      admin: { position: 'sidebar' },
    }),
    { name: 'excerpt', label: l('摘要', 'Excerpt'), type: 'textarea' },
    { name: 'cover', label: l('封面', 'Cover'), type: 'upload', relationTo: 'media' },
    { name: 'body', label: l('正文', 'Body'), type: 'richText' },
  ],
}
