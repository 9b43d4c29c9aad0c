import { ENTRY_ACTION_LABELS, REASON_CODE_PATTERN, TRANSITIONS, type Label } from '@exemplar/domain'
import type { Access, CollectionConfig } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

const l = (label: Label) => ({ zh: label.zh, en: label.en })

/** The actions that need a reason: the only ones a reason may be offered for. */
export const REASONED_ACTIONS = TRANSITIONS.filter((t) => t.needsReason).map((t) => t.action)

/**
 * The reasons editors pick from when they return, reject, disqualify or
 * revoke an entry: an editable list, filled with the domain's defaults the
 * first time the CMS starts. The chosen reason's label is copied into the
 * history row, so renaming one later never rewrites what a submitter was told.
 */
export function reasonsCollection(options: ResolvedWorkflowOptions): CollectionConfig {
  const editors: Access = ({ req }) => options.isEditor(req.user)
  return {
    slug: options.reasons,
    labels: {
      singular: { zh: '流转原因', en: 'Workflow reason' },
      plural: { zh: '流转原因', en: 'Workflow reasons' },
    },
    admin: {
      useAsTitle: 'label',
      defaultColumns: ['label', 'code', 'actions', 'active'],
      group: { zh: '征集活动', en: 'Campaigns' },
    },
    access: { read: editors, create: editors, update: editors, delete: editors },
    fields: [
      {
        name: 'code',
        label: { zh: '代码', en: 'Code' },
        type: 'text',
        required: true,
        unique: true,
        index: true,
        maxLength: 40,
        validate: (value: unknown) =>
          typeof value === 'string' && REASON_CODE_PATTERN.test(value)
            ? true
            : '代码须为 2–40 个字母、数字或连字符，以字母开头',
      },
      {
        name: 'label',
        label: { zh: '名称', en: 'Label' },
        type: 'text',
        required: true,
        maxLength: 60,
        localized: false,
      },
      {
        name: 'labelEn',
        label: { zh: '英文名称', en: 'Label (English)' },
        type: 'text',
        maxLength: 80,
      },
      {
        name: 'actions',
        label: { zh: '适用操作', en: 'For actions' },
        type: 'select',
        hasMany: true,
        required: true,
        options: REASONED_ACTIONS.map((value) => ({ value, label: l(ENTRY_ACTION_LABELS[value]) })),
      },
      {
        name: 'active',
        label: { zh: '启用', en: 'Active' },
        type: 'checkbox',
        defaultValue: true,
      },
    ],
  }
}
