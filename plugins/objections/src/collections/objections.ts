import { OBJECTION_EVIDENCE_MAX, OBJECTION_STATUS_LABELS, optionsFrom } from '@exemplar/domain'
import type { Access, CollectionConfig } from 'payload'

import type { ResolvedObjectionsOptions } from '../types'

const l = (zh: string, en: string) => ({ zh, en })

/**
 * 公示异议: raised by a signed-in account, or a reader who proved an
 * address by a one-time code, against one entry while the
 * campaign's publicity is open, decided by an editor with a reason.
 * Written only by the plugin's two routes, so an objection cannot be
 * raised out of its window or decided twice; read by editors and by its
 * objector (the host's access table says so).
 */
export function objectionsCollection(options: ResolvedObjectionsOptions): CollectionConfig {
  const nobody: Access = () => false
  return {
    slug: options.slug,
    labels: { singular: l('公示异议', 'Objection'), plural: l('公示异议', 'Objections') },
    admin: {
      useAsTitle: 'summary',
      defaultColumns: ['summary', 'entry', 'status', 'createdAt', 'decidedAt'],
      group: l('评选结果', 'Results'),
    },
    access: {
      read: ({ req }) =>
        options.isEditor(req.user) || (req.user ? { objector: { equals: req.user.id } } : false),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    fields: [
      {
        name: 'decide',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: {
            Field: {
              path: '@exemplar/plugin-objections/client#DecidePanel',
              clientProps: { slug: options.slug, entries: options.entries },
            },
          },
        },
      },
      { name: 'summary', label: l('摘要', 'Summary'), type: 'text', admin: { readOnly: true } },
      {
        name: 'campaign',
        label: l('征集活动', 'Campaign'),
        type: 'relationship',
        relationTo: options.campaigns,
        required: true,
        index: true,
      },
      {
        name: 'entry',
        label: l('被异议作品', 'Entry'),
        type: 'relationship',
        relationTo: options.entries,
        required: true,
        index: true,
      },
      {
        name: 'objector',
        label: l('异议人', 'Objector'),
        type: 'relationship',
        relationTo: options.users,
        index: true,
        admin: { condition: (data) => Boolean(data?.objector) },
      },
      {
        // A reader without an account: the address they proved by a one-time code, masked for the admin.
        name: 'contactMasked',
        label: l('异议人（已验证的联系方式）', 'Objector (verified address)'),
        type: 'text',
        admin: { readOnly: true, condition: (data) => Boolean(data?.contactMasked) },
      },
      {
        name: 'contactChannel',
        type: 'select',
        options: [
          { value: 'email', label: l('邮箱', 'Email') },
          { value: 'sms', label: l('手机', 'Mobile') },
        ],
        admin: { hidden: true },
      },
      {
        // The plain address, only so the decision reaches them: nobody reads it through the API.
        name: 'contact',
        type: 'text',
        index: true,
        access: { read: () => false, create: () => false, update: () => false },
        admin: { hidden: true },
      },
      { name: 'text', label: l('异议内容', 'Objection'), type: 'textarea', required: true },
      ...(options.media
        ? [
            {
              name: 'evidence',
              label: l('证据材料', 'Evidence'),
              type: 'upload' as const,
              relationTo: options.media,
              hasMany: true as const,
              maxRows: OBJECTION_EVIDENCE_MAX,
              admin: { readOnly: true },
            },
          ]
        : []),
      {
        name: 'status',
        label: l('处理状态', 'Status'),
        type: 'select',
        required: true,
        defaultValue: 'open',
        index: true,
        options: optionsFrom(OBJECTION_STATUS_LABELS),
      },
      { name: 'decision', label: l('处理意见', 'Decision'), type: 'textarea' },
      {
        name: 'decidedBy',
        label: l('处理人', 'Decided by'),
        type: 'relationship',
        relationTo: options.users,
      },
      { name: 'decidedAt', label: l('处理时间', 'Decided at'), type: 'date' },
      {
        // An id, not a relationship: the snapshots belong to whichever capability froze them.
        name: 'snapshotId',
        label: l('重新冻结的结果快照', 'Results frozen again'),
        type: 'text',
        admin: { condition: (data) => data?.status === 'upheld' },
      },
    ],
  }
}
