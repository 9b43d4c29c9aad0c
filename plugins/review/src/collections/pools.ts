import type { Access, CollectionConfig } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { l } from './labels'

/**
 * 评审专家库: the reviewers one campaign's track draws from (no track = every
 * track). Automatic assignment reads the pool; a reviewer outside every pool
 * of a campaign can still be assigned by hand.
 */
export function poolsCollection(options: ResolvedReviewOptions): CollectionConfig {
  const editors: Access = ({ req }) => options.isEditor(req.user)
  return {
    slug: options.slugs.pools,
    labels: {
      singular: { zh: '评审专家库', en: 'Reviewer pool' },
      plural: { zh: '评审专家库', en: 'Reviewer pools' },
    },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'campaign', 'track', 'capacity'],
      group: l(options.adminGroup),
    },
    access: {
      read: editors,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: () => false,
    },
    indexes: [{ fields: ['campaign', 'track'] }],
    fields: [
      {
        name: 'name',
        label: { zh: '名称', en: 'Name' },
        type: 'text',
        required: true,
        maxLength: 100,
      },
      {
        name: 'campaign',
        label: { zh: '征集活动', en: 'Campaign' },
        type: 'relationship',
        relationTo: options.campaigns,
        required: true,
        index: true,
      },
      {
        name: 'track',
        label: { zh: '作品类别', en: 'Track' },
        type: 'text',
        maxLength: 40,
        admin: { description: { zh: '留空表示所有类别', en: 'Empty: every track' } },
      },
      {
        name: 'reviewers',
        label: { zh: '评审专家', en: 'Reviewers' },
        type: 'relationship',
        relationTo: options.users,
        hasMany: true,
        required: true,
        filterOptions: { role: { equals: 'reviewer' } },
      },
      {
        name: 'capacity',
        label: { zh: '每位专家最多评审件数', en: 'Most entries per reviewer' },
        type: 'number',
        min: 1,
        max: 10_000,
        admin: { step: 1, description: { zh: '留空表示不限', en: 'Empty: no ceiling' } },
      },
    ],
  }
}
