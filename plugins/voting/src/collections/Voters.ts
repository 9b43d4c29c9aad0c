import type { Access, CollectionConfig } from 'payload'

/** A reader who may vote: known by a hash of their address, or anonymous by a signed cookie. */
export const votersCollection = (canManage: Access): CollectionConfig => ({
  slug: 'voters',
  labels: { singular: { zh: '投票人', en: 'Voter' }, plural: { zh: '投票人', en: 'Voters' } },
  admin: {
    group: { zh: '投票', en: 'Voting' },
    useAsTitle: 'masked',
    defaultColumns: ['masked', 'channel', 'createdAt'],
  },
  access: { read: canManage, create: () => false, update: () => false, delete: canManage },
  // New anonymous voters are counted per network and day.
  indexes: [{ fields: ['ipHash', 'createdAt'] }],
  fields: [
    {
      name: 'channel',
      type: 'select',
      required: true,
      options: [
        { value: 'email', label: { zh: '邮箱', en: 'Email' } },
        { value: 'sms', label: { zh: '短信', en: 'SMS' } },
        { value: 'anonymous', label: { zh: '匿名', en: 'Anonymous' } },
      ],
    },
    { name: 'addressHash', type: 'text', unique: true, index: true, admin: { readOnly: true } },
    // Anonymous voters only: the network they first voted from, for the per-network cap.
    { name: 'ipHash', type: 'text', admin: { readOnly: true } },
    {
      name: 'masked',
      label: { zh: '联系方式', en: 'Address' },
      type: 'text',
      admin: { readOnly: true },
    },
  ],
})
