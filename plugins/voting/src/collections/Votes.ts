import type { Access, CollectionConfig, CollectionSlug } from 'payload'

export const VOTE_STATES = ['counted', 'flagged', 'voided'] as const
export type VoteState = (typeof VOTE_STATES)[number]

/**
 * One vote record per (voter, entry, day, slot) — the unique index is what
 * makes a duplicate harmless under any concurrency (CONSUL #2415). `slot`
 * numbers a voter's votes for one entry on one day when a campaign allows
 * more than one. Votes are written by the plugin's store, never through REST.
 */
export const votesCollection = (
  entries: CollectionSlug,
  campaigns: CollectionSlug,
  canManage: Access,
): CollectionConfig => ({
  slug: 'votes',
  labels: { singular: { zh: '投票记录', en: 'Vote' }, plural: { zh: '投票记录', en: 'Votes' } },
  admin: {
    group: { zh: '投票', en: 'Voting' },
    defaultColumns: ['entry', 'voter', 'day', 'state', 'createdAt'],
  },
  // Ids grow with time: the newest first without an index on createdAt.
  defaultSort: '-id',
  access: { read: canManage, create: () => false, update: () => false, delete: () => false },
  // Only the two that keep votes exact: every index is paid on each vote, and
  // the per-voter queries (a voter's votes today) and the per-campaign reports
  // are served by these prefixes and the indexes Payload puts on every
  // relationship column.
  indexes: [
    { fields: ['voter', 'entry', 'day', 'slot'], unique: true },
    { fields: ['voter', 'idempotencyKey'], unique: true },
  ],
  fields: [
    {
      name: 'entry',
      label: { zh: '作品', en: 'Entry' },
      type: 'relationship',
      relationTo: entries,
      required: true,
    },
    {
      name: 'campaign',
      label: { zh: '活动', en: 'Campaign' },
      type: 'relationship',
      relationTo: campaigns,
      required: true,
    },
    {
      name: 'voter',
      label: { zh: '投票人', en: 'Voter' },
      type: 'relationship',
      relationTo: 'voters',
      required: true,
    },
    {
      name: 'day',
      label: { zh: '日期（北京时间）', en: 'Day (Asia/Shanghai)' },
      type: 'text',
      required: true,
    },
    { name: 'slot', type: 'number', required: true, defaultValue: 0 },
    { name: 'idempotencyKey', type: 'text' },
    // Not indexed: every index is paid on each vote, and the integrity report
    // reads one campaign's votes through the campaign index anyway.
    { name: 'ipHash', type: 'text' },
    { name: 'deviceHash', type: 'text' },
    { name: 'session', type: 'text' },
    {
      name: 'state',
      label: { zh: '状态', en: 'State' },
      type: 'select',
      required: true,
      defaultValue: 'counted',
      options: [
        { value: 'counted', label: { zh: '有效', en: 'Counted' } },
        { value: 'flagged', label: { zh: '可疑（仍计票）', en: 'Flagged (still counted)' } },
        { value: 'voided', label: { zh: '已作废', en: 'Voided' } },
      ],
    },
    { name: 'flagReason', label: { zh: '可疑原因', en: 'Flag reason' }, type: 'text' },
    // Payload's own timestamps come indexed, two more B-trees for every vote; no query here
    // filters or sorts on them (reports group one campaign's votes, found by its index).
    ...(['createdAt', 'updatedAt'] as const).map((name) => ({
      name,
      type: 'date' as const,
      index: false,
      admin: { hidden: true, disableBulkEdit: true },
    })),
  ],
})
