import type { Access, CollectionConfig, Where } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { l } from './labels'

/**
 * 回避申报: what a reviewer declared they may not review — one entry, or
 * every entry of an institution. Written by the plugin's conflict route (or
 * by editors); assignment reads it, so no later run gives the pair again.
 */
export function conflictsCollection(options: ResolvedReviewOptions): CollectionConfig {
  const editors: Access = ({ req }) => options.isEditor(req.user)
  const ownOrEditors: Access = ({ req }) => {
    if (options.isEditor(req.user)) {
      return true
    }
    const id = (req.user as { id?: number | string } | null)?.id
    return id === undefined ? false : ({ reviewer: { equals: id } } satisfies Where)
  }
  return {
    slug: options.slugs.conflicts,
    labels: {
      singular: { zh: '回避申报', en: 'Declared conflict' },
      plural: { zh: '回避申报', en: 'Declared conflicts' },
    },
    admin: {
      defaultColumns: ['reviewer', 'entry', 'organization', 'reason', 'createdAt'],
      group: l(options.adminGroup),
    },
    access: {
      read: ownOrEditors,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: () => false,
    },
    fields: [
      {
        name: 'reviewer',
        label: { zh: '评审专家', en: 'Reviewer' },
        type: 'relationship',
        relationTo: options.users,
        required: true,
        index: true,
      },
      {
        name: 'entry',
        label: { zh: '作品', en: 'Entry' },
        type: 'relationship',
        relationTo: options.entries,
        index: true,
      },
      {
        name: 'organization',
        label: { zh: '机构', en: 'Institution' },
        type: 'relationship',
        relationTo: options.organizations,
        index: true,
      },
      {
        name: 'reason',
        label: { zh: '原因', en: 'Reason' },
        type: 'textarea',
        required: true,
        maxLength: 1_000,
      },
    ],
  }
}
