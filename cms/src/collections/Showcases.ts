import { FIELD_LIMITS } from '@exemplar/domain'
import type { CollectionConfig } from 'payload'

import { accessFor } from '../access/accessFor'
import { l } from '../lib/label'

const LIMITS = FIELD_LIMITS.showcase

/** Lower-case letters, digits and hyphens: the showcase's address, /showcases/<slug>. */
const SLUG = /^[a-z0-9][a-z0-9-]*$/

/**
 * 作品精选: editors gather entries on display into a named collection with an
 * introduction, in the order they choose (seed 002's online showcase of the
 * release ceremony's cases, a year's excellent cases, a theme's best). Each
 * has its own page; drafts are the committee's until published.
 */
export const Showcases: CollectionConfig = {
  slug: 'showcases',
  labels: { singular: l('作品精选', 'Showcase'), plural: l('作品精选', 'Showcases') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'campaign', 'updatedAt', '_status'],
    group: l('内容', 'Content'),
    description: l(
      '精选展示中的作品，按排列顺序在 /showcases/<网址标识> 公开（仅显示公开展示中的作品）',
      'Entries on display in the order given, public at /showcases/<slug> (entries not on display are left out)',
    ),
  },
  defaultSort: '-updatedAt',
  versions: { drafts: true },
  access: accessFor('showcases'),
  fields: [
    {
      name: 'title',
      label: l('标题', 'Title'),
      type: 'text',
      required: true,
      maxLength: LIMITS.title,
    },
    {
      name: 'slug',
      label: l('网址标识', 'Slug'),
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: LIMITS.slug,
      validate: (value: unknown) =>
        typeof value === 'string' && value.length <= LIMITS.slug && SLUG.test(value)
          ? true
          : `网址标识只能包含小写字母、数字和连字符，不超过 ${LIMITS.slug} 个字符`,
      admin: { position: 'sidebar' },
    },
    {
      name: 'campaign',
      label: l('所属活动', 'Campaign'),
      type: 'relationship',
      relationTo: 'campaigns',
      index: true,
      admin: {
        position: 'sidebar',
        description: l('可不选：跨活动的精选', 'Optional: across campaigns'),
      },
    },
    { name: 'cover', label: l('封面', 'Cover'), type: 'upload', relationTo: 'media' },
    {
      name: 'intro',
      label: l('导语', 'Introduction'),
      type: 'textarea',
      maxLength: LIMITS.intro,
    },
    {
      name: 'entries',
      label: l('作品（按展示顺序）', 'Entries (in order)'),
      labels: { singular: l('作品', 'Entry'), plural: l('作品', 'Entries') },
      type: 'array',
      maxRows: LIMITS.entries,
      fields: [
        {
          name: 'entry',
          label: l('作品', 'Entry'),
          type: 'relationship',
          relationTo: 'entries',
          required: true,
        },
        {
          name: 'note',
          label: l('推荐语', 'Note'),
          type: 'textarea',
          maxLength: LIMITS.note,
        },
      ],
    },
  ],
}
