import type { Access, CollectionConfig } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { l } from './labels'

/**
 * One row per (review, reminder window) sent: the unique index is the
 * claim, so two CMS processes scanning at once send each reminder once —
 * whichever inserts first mails, the other's insert fails.
 */
export function remindersCollection(options: ResolvedReviewOptions): CollectionConfig {
  const editors: Access = ({ req }) => options.isEditor(req.user)
  const nobody: Access = () => false
  return {
    slug: options.slugs.reminders,
    labels: {
      singular: { zh: '评审提醒', en: 'Review reminder' },
      plural: { zh: '评审提醒', en: 'Review reminders' },
    },
    admin: {
      defaultColumns: ['review', 'reviewer', 'hours', 'createdAt'],
      group: l(options.adminGroup),
    },
    access: {
      read: editors,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
    },
    indexes: [{ fields: ['review', 'hours'], unique: true }],
    fields: [
      {
        name: 'review',
        label: { zh: '评审', en: 'Review' },
        type: 'relationship',
        relationTo: options.slugs.reviews,
        required: true,
        index: true,
      },
      {
        name: 'reviewer',
        label: { zh: '评审专家', en: 'Reviewer' },
        type: 'relationship',
        relationTo: options.users,
        required: true,
      },
      {
        name: 'hours',
        label: { zh: '截止前（小时）', en: 'Hours before due' },
        type: 'number',
        required: true,
      },
    ],
  }
}
