import {
  BLIND_MODE_LABELS,
  DEFAULT_REVIEWERS_PER_ENTRY,
  NORMALIZATION_LABELS,
} from '@exemplar/domain'
import type { Field, FieldAccess } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { optionsOf } from './labels'

/** Campaigns: how this edition's review runs. */
export function campaignReviewField(options: ResolvedReviewOptions): Field {
  return {
    name: 'review',
    label: { zh: '专家评审设置', en: 'Expert review' },
    type: 'group',
    fields: [
      {
        name: 'warning',
        type: 'ui',
        admin: { components: { Field: '@exemplar/plugin-review/client#BlindDisplayWarning' } },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'blind',
            label: { zh: '评审方式', en: 'Review mode' },
            type: 'select',
            // Not required: campaigns made before review existed read as blind (the default).
            defaultValue: 'blind',
            options: optionsOf(BLIND_MODE_LABELS),
          },
          {
            name: 'publicIdentity',
            label: {
              zh: '评审期间公开展示作者与单位',
              en: 'Public display shows authors and institutions during review',
            },
            type: 'checkbox',
            defaultValue: false,
          },
          {
            name: 'sameProvince',
            label: { zh: '同省回避', en: 'Keep reviewers off their own province' },
            type: 'checkbox',
            defaultValue: false,
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'k',
            label: { zh: '每件作品评审人数', en: 'Reviewers per entry' },
            type: 'number',
            min: 1,
            max: 20,
            defaultValue: DEFAULT_REVIEWERS_PER_ENTRY,
            admin: { step: 1 },
          },
          {
            name: 'normalization',
            label: { zh: '分数标准化', en: 'Score normalization' },
            type: 'select',
            defaultValue: 'none',
            options: optionsOf(NORMALIZATION_LABELS),
            admin: {
              description: {
                zh: '评审阶段开始或有评分提交后不可更改',
                en: 'Frozen once the review phase opens or a review is submitted',
              },
            },
          },
          {
            name: 'dueAt',
            label: { zh: '评审截止时间', en: 'Review due' },
            type: 'date',
            admin: {
              date: { pickerAppearance: 'dayAndTime' },
              description: {
                zh: `留空则为“${options.reviewPhaseKind}”阶段的结束时间`,
                en: 'Empty: the end of the review phase',
              },
            },
          },
        ],
      },
    ],
  }
}

/** Entries: who reviews it now, and the raw summary of their submitted totals. */
export function entryReviewFields(options: ResolvedReviewOptions): Field[] {
  const editors: FieldAccess = ({ req }) => options.isEditor(req.user)
  const editorsOnly = { read: editors, create: editors, update: editors }
  return [
    {
      name: options.fields.reviewers,
      label: { zh: '评审专家', en: 'Assigned reviewers' },
      type: 'relationship',
      relationTo: options.users,
      hasMany: true,
      index: true,
      // Written by assignment, declines and declared conflicts, never typed in.
      access: editorsOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: options.fields.reviewScore,
      label: { zh: '专家评分（原始）', en: 'Review score (raw)' },
      type: 'group',
      access: editorsOnly,
      admin: { position: 'sidebar', readOnly: true },
      fields: [
        { name: 'average', label: { zh: '平均分', en: 'Average' }, type: 'number' },
        { name: 'reviews', label: { zh: '已评人数', en: 'Reviews' }, type: 'number' },
      ],
    },
  ]
}

/** Organizations: the 医共体 (or other body) an institution belongs to, for conflicts. */
export function organizationParentField(options: ResolvedReviewOptions): Field {
  return {
    name: 'parent',
    label: { zh: '所属医共体', en: 'Belongs to (医共体)' },
    type: 'relationship',
    relationTo: options.organizations,
    index: true,
    access: {
      create: ({ req }) => options.isEditor(req.user),
      update: ({ req }) => options.isEditor(req.user),
    },
  }
}
