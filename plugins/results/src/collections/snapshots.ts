import type { Access, CollectionConfig } from 'payload'

import type { ResolvedResultsOptions } from '../types'

const l = (zh: string, en: string) => ({ zh, en })

/**
 * 评选结果快照: what the committee decided, frozen. Written only by the
 * plugin's freeze route, in one piece, and never changed or deleted: a
 * change makes a new snapshot with a reason, and the old ones stay
 * readable. Public, because a published result is: anyone can fetch one
 * and recompute its SHA-256 from `body` (canonical JSON, keys sorted).
 */
export function snapshotsCollection(options: ResolvedResultsOptions): CollectionConfig {
  const nobody: Access = () => false
  return {
    slug: options.slugs.snapshots,
    labels: {
      singular: l('评选结果快照', 'Results snapshot'),
      plural: l('评选结果快照', 'Results snapshots'),
    },
    admin: {
      useAsTitle: 'sha256',
      defaultColumns: ['campaign', 'sequence', 'frozenAt', 'reason', 'sha256'],
      group: l('评选结果', 'Results'),
    },
    access: {
      read: () => true,
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    indexes: [{ fields: ['campaign', 'sequence'], unique: true }],
    fields: [
      {
        name: 'campaign',
        label: l('征集活动', 'Campaign'),
        type: 'relationship',
        relationTo: options.campaigns,
        required: true,
        index: true,
      },
      {
        name: 'sequence',
        label: l('第几版', 'Sequence'),
        type: 'number',
        required: true,
        admin: { description: l('同一活动从 1 起依次编号', 'Counts from 1 per campaign') },
      },
      {
        name: 'sha256',
        label: l('SHA-256', 'SHA-256'),
        type: 'text',
        required: true,
        index: true,
        admin: {
          description: l(
            '内容（规范化 JSON，键按字母排序）的 SHA-256，任何人可据导出数据复算',
            'Of the body’s canonical JSON (keys sorted): anyone can recompute it',
          ),
        },
      },
      { name: 'frozenAt', label: l('冻结时间', 'Frozen at'), type: 'date', required: true },
      {
        name: 'frozenBy',
        label: l('冻结人', 'Frozen by'),
        type: 'relationship',
        relationTo: options.users,
        access: { read: ({ req }) => options.isEditor(req.user) },
      },
      {
        name: 'reason',
        label: l('变更原因', 'Reason for the change'),
        type: 'textarea',
        admin: { description: l('首次冻结可不填', 'Empty for the first snapshot') },
      },
      {
        name: 'previous',
        label: l('上一版', 'Previous snapshot'),
        type: 'relationship',
        relationTo: options.slugs.snapshots,
      },
      { name: 'body', label: l('结果', 'Results'), type: 'json', required: true },
    ],
  }
}
