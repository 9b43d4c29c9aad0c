import type { Access, CollectionConfig, CollectionSlug } from 'payload'

/** The audit trail of editors' actions on votes: who voided or flagged what, when and why. */
export const voteAuditsCollection = (
  canManage: Access,
  users: CollectionSlug,
): CollectionConfig => ({
  slug: 'vote-audits',
  labels: {
    singular: { zh: '投票审计', en: 'Vote audit' },
    plural: { zh: '投票审计', en: 'Vote audit trail' },
  },
  admin: {
    group: { zh: '投票', en: 'Voting' },
    defaultColumns: ['action', 'vote', 'by', 'reason', 'createdAt'],
  },
  access: { read: canManage, create: () => false, update: () => false, delete: () => false },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      options: [
        { value: 'void', label: { zh: '作废', en: 'Void' } },
        { value: 'flag', label: { zh: '标记可疑', en: 'Flag' } },
        { value: 'recount', label: { zh: '重新计票', en: 'Recount' } },
      ],
    },
    { name: 'vote', type: 'relationship', relationTo: 'votes' },
    { name: 'by', type: 'relationship', relationTo: users },
    { name: 'reason', type: 'textarea' },
    { name: 'details', type: 'json' },
  ],
})
