import {
  ASSIGNMENT_METHOD_LABELS,
  RECOMMENDATION_LABELS,
  REVIEW_COMMENT_MAX,
  REVIEW_STATUS_LABELS,
} from '@exemplar/domain'
import type { Access, CollectionConfig, FieldAccess, Where } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { l, optionsOf } from './labels'

/**
 * 评审: one reviewer's work on one entry, from assignment to submission.
 * Every write goes through the plugin's routes (which check the rubric, the
 * state and the conflicts), so the API writes nothing here; a reviewer reads
 * their own rows only, never an override's conflict kinds (which would tell
 * them something about a blind entry's origin).
 */
export function reviewsCollection(options: ResolvedReviewOptions): CollectionConfig {
  const editorsField: FieldAccess = ({ req }) => options.isEditor(req.user)
  const ownOrEditors: Access = ({ req }) => {
    if (options.isEditor(req.user)) {
      return true
    }
    const id = (req.user as { id?: number | string } | null)?.id
    return id === undefined ? false : ({ reviewer: { equals: id } } satisfies Where)
  }
  const nobody: Access = () => false
  return {
    slug: options.slugs.reviews,
    labels: { singular: { zh: '评审', en: 'Review' }, plural: { zh: '评审', en: 'Reviews' } },
    admin: {
      defaultColumns: ['entry', 'reviewer', 'status', 'total', 'submittedAt'],
      group: l(options.adminGroup),
    },
    access: {
      read: ownOrEditors,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
    },
    indexes: [
      { fields: ['entry', 'reviewer'], unique: true },
      { fields: ['campaign', 'status'] },
      { fields: ['reviewer', 'status'] },
    ],
    fields: [
      {
        name: 'entry',
        label: { zh: '作品', en: 'Entry' },
        type: 'relationship',
        relationTo: options.entries,
        required: true,
        index: true,
      },
      {
        name: 'reviewer',
        label: { zh: '评审专家', en: 'Reviewer' },
        type: 'relationship',
        relationTo: options.users,
        required: true,
        index: true,
      },
      {
        name: 'campaign',
        label: { zh: '征集活动', en: 'Campaign' },
        type: 'relationship',
        relationTo: options.campaigns,
        required: true,
        index: true,
      },
      { name: 'track', label: { zh: '作品类别', en: 'Track' }, type: 'text', required: true },
      {
        name: 'status',
        label: { zh: '状态', en: 'Status' },
        type: 'select',
        required: true,
        defaultValue: 'assigned',
        index: true,
        options: optionsOf(REVIEW_STATUS_LABELS),
      },
      { name: 'scores', label: { zh: '各项得分', en: 'Scores' }, type: 'json' },
      { name: 'total', label: { zh: '加权总分', en: 'Weighted total' }, type: 'number' },
      {
        name: 'comment',
        label: { zh: '评语', en: 'Comment' },
        type: 'textarea',
        maxLength: REVIEW_COMMENT_MAX,
      },
      {
        name: 'recommendation',
        label: { zh: '推荐意见', en: 'Recommendation' },
        type: 'select',
        options: optionsOf(RECOMMENDATION_LABELS),
      },
      {
        name: 'reason',
        label: { zh: '拒评或回避原因', en: 'Why declined or conflicted' },
        type: 'textarea',
        maxLength: 1_000,
      },
      { name: 'submittedAt', label: { zh: '提交时间', en: 'Submitted at' }, type: 'date' },
      {
        name: 'assignment',
        label: { zh: '分配', en: 'Assignment' },
        type: 'group',
        fields: [
          {
            name: 'method',
            label: { zh: '方式', en: 'Method' },
            type: 'select',
            options: optionsOf(ASSIGNMENT_METHOD_LABELS),
          },
          { name: 'seed', label: { zh: '随机种子', en: 'Seed' }, type: 'text' },
          {
            name: 'by',
            label: { zh: '分配人', en: 'By' },
            type: 'relationship',
            relationTo: options.users,
          },
          { name: 'at', label: { zh: '时间', en: 'At' }, type: 'date' },
        ],
      },
      {
        name: 'override',
        label: { zh: '回避冲突豁免', en: 'Conflict override' },
        type: 'group',
        access: { read: editorsField },
        admin: {
          condition: (data) => Boolean(data?.override?.reason),
          description: { zh: '管理员豁免回避冲突的记录', en: 'An admin overrode a conflict' },
        },
        fields: [
          { name: 'kinds', label: { zh: '冲突类型', en: 'Conflict kinds' }, type: 'json' },
          { name: 'reason', label: { zh: '理由', en: 'Reason' }, type: 'textarea' },
          {
            name: 'by',
            label: { zh: '豁免人', en: 'By' },
            type: 'relationship',
            relationTo: options.users,
          },
          { name: 'at', label: { zh: '时间', en: 'At' }, type: 'date' },
        ],
      },
      {
        name: 'reopened',
        label: { zh: '重新开放', en: 'Reopened' },
        type: 'group',
        admin: { condition: (data) => Boolean(data?.reopened?.at) },
        fields: [
          {
            name: 'by',
            label: { zh: '操作人', en: 'By' },
            type: 'relationship',
            relationTo: options.users,
          },
          { name: 'at', label: { zh: '时间', en: 'At' }, type: 'date' },
          { name: 'reason', label: { zh: '理由', en: 'Reason' }, type: 'textarea' },
        ],
      },
    ],
  }
}
