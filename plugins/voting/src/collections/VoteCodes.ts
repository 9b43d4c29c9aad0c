import type { CollectionConfig } from 'payload'

/**
 * One-time codes, kept for an hour after they are sent (spent or not): the
 * rows are what the sending limits count, in the database, so every CMS
 * process on it agrees. Only the plugin's endpoints touch them; nobody reads
 * them over the API.
 */
export const voteCodesCollection: CollectionConfig = {
  slug: 'vote-codes',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  // The limits count codes sent within a window per address, per network and per channel.
  indexes: [
    { fields: ['addressHash', 'createdAt'] },
    { fields: ['ipHash', 'createdAt'] },
    { fields: ['channel', 'createdAt'] },
  ],
  fields: [
    { name: 'addressHash', type: 'text', required: true },
    { name: 'ipHash', type: 'text' },
    {
      name: 'channel',
      type: 'select',
      options: [
        { value: 'email', label: { zh: '邮箱', en: 'Email' } },
        { value: 'sms', label: { zh: '短信', en: 'SMS' } },
      ],
    },
    { name: 'codeHash', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
  ],
}
