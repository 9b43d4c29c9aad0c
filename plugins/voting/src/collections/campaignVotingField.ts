import type { Field } from 'payload'

/** The voting rule a campaign chooses; the plugin adds it to the campaigns collection. */
export const campaignVotingField: Field = {
  name: 'voting',
  label: { zh: '投票规则', en: 'Voting rule' },
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'perEntryPerDay',
          label: { zh: '每人每天每件作品可投票数', en: 'Votes per voter per entry per day' },
          type: 'number',
          min: 0,
          defaultValue: 1,
        },
        {
          name: 'dailyCap',
          label: { zh: '每人每天总票数上限（0 为不限）', en: 'Daily cap per voter (0 = none)' },
          type: 'number',
          min: 0,
          defaultValue: 0,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'allowAnonymous',
          label: { zh: '允许匿名投票', en: 'Allow anonymous votes' },
          type: 'checkbox',
        },
        {
          name: 'anonymousDailyCap',
          label: { zh: '匿名每天总票数上限', en: 'Anonymous daily cap' },
          type: 'number',
          min: 0,
          defaultValue: 3,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'display',
          label: { zh: '票数显示', en: 'How counts are shown' },
          type: 'select',
          defaultValue: 'exact',
          options: [
            { value: 'exact', label: { zh: '实时精确', en: 'Exact, live' } },
            { value: 'rounded', label: { zh: '取整显示', en: 'Rounded' } },
            { value: 'delayed', label: { zh: '延迟显示', en: 'Delayed' } },
          ],
        },
        {
          name: 'roundTo',
          label: { zh: '取整到', en: 'Round to' },
          type: 'number',
          min: 0,
          defaultValue: 10,
        },
        {
          name: 'delayMinutes',
          label: { zh: '延迟（分钟）', en: 'Delay (minutes)' },
          type: 'number',
          min: 0,
          defaultValue: 60,
        },
      ],
    },
  ],
}
