import type { CollectionConfig } from 'payload'

/** One-time codes in flight. Only the plugin's endpoints touch them; nobody reads them over the API. */
export const voteCodesCollection: CollectionConfig = {
  slug: 'vote-codes',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'addressHash', type: 'text', required: true, index: true },
    { name: 'codeHash', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
  ],
}
