import {
  BEIJING_ZH_DATE_PATTERN,
  ENTRY_ACTION_LABELS,
  ENTRY_STATE_LABELS,
  ROLE_LABELS,
  optionsFrom,
} from '@exemplar/domain'
import type { Field, FieldAccess } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

/**
 * The entry's workflow history, one row per transition: from, to, action,
 * actor and role, when, and why (a reason code with its label as shown at
 * the time, and the editor's text). Nobody writes it through the API: the
 * workflow's hook appends to it. Editors and the entry's submitter read it.
 */
export function historyField(options: ResolvedWorkflowOptions): Field {
  const readable: FieldAccess = ({ req, doc }) => {
    if (options.isEditor(req.user)) {
      return true
    }
    const submitter = doc?.[options.fields.submitter]
    const ownerId = submitter && typeof submitter === 'object' ? submitter.id : submitter
    const userId = (req.user as { id?: unknown } | null | undefined)?.id
    return ownerId !== undefined && ownerId !== null && ownerId === userId
  }
  const nobody: FieldAccess = () => false
  return {
    name: options.fields.history,
    label: { zh: '流转记录', en: 'History' },
    type: 'array',
    ...(options.historyAdmin.labels ? { labels: options.historyAdmin.labels } : {}),
    access: { read: readable, create: nobody, update: nobody },
    admin: {
      readOnly: true,
      ...(options.historyAdmin.components ? { components: options.historyAdmin.components } : {}),
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'from',
            label: { zh: '原状态', en: 'From' },
            type: 'select',
            options: optionsFrom(ENTRY_STATE_LABELS),
          },
          {
            name: 'to',
            label: { zh: '新状态', en: 'To' },
            type: 'select',
            required: true,
            options: optionsFrom(ENTRY_STATE_LABELS),
          },
          {
            name: 'action',
            label: { zh: '操作', en: 'Action' },
            type: 'select',
            options: optionsFrom(ENTRY_ACTION_LABELS),
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'at',
            label: { zh: '时间', en: 'At' },
            type: 'date',
            required: true,
            // The zone the admin shows `at` in; rows written by the hook name it themselves.
            timezone: { override: ({ baseField }) => ({ ...baseField, required: false }) },
            admin: {
              date: {
                pickerAppearance: 'dayAndTime',
                displayFormat: BEIJING_ZH_DATE_PATTERN,
                timeFormat: 'HH:mm',
              },
            },
          },
          {
            name: 'by',
            label: { zh: '操作人', en: 'By' },
            type: 'relationship',
            relationTo: options.users,
          },
          {
            name: 'role',
            label: { zh: '角色', en: 'Role' },
            type: 'select',
            options: optionsFrom(ROLE_LABELS),
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'reasonCode', label: { zh: '原因代码', en: 'Reason code' }, type: 'text' },
          { name: 'reasonLabel', label: { zh: '原因', en: 'Reason' }, type: 'text' },
        ],
      },
      { name: 'reason', label: { zh: '说明', en: 'Explanation' }, type: 'textarea' },
    ],
  }
}
