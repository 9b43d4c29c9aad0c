import type { Field, FieldAccess } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

/**
 * What screening pinned: the entry's Payload version, a SHA-256 of its
 * canonical JSON, and one of each stored file. Written by the workflow when
 * screening starts (never through the API); read by editors, and later by
 * reviewers and the results, who read the pinned version.
 */
export function pinField(options: ResolvedWorkflowOptions): Field {
  const editors: FieldAccess = ({ req }) => options.isEditor(req.user)
  const nobody: FieldAccess = () => false
  return {
    name: options.fields.pin,
    label: { zh: '审核锁定', en: 'Pinned at screening' },
    type: 'group',
    access: { read: editors, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true },
    fields: [
      { name: 'versionId', label: { zh: '版本', en: 'Version' }, type: 'text' },
      { name: 'sha256', label: { zh: '内容 SHA-256', en: 'Content SHA-256' }, type: 'text' },
      { name: 'at', label: { zh: '锁定时间', en: 'Pinned at' }, type: 'date' },
      {
        name: 'files',
        label: { zh: '文件', en: 'Files' },
        labels: { singular: { zh: '文件', en: 'File' }, plural: { zh: '文件', en: 'Files' } },
        type: 'array',
        fields: [
          { name: 'media', type: 'text', label: { zh: '文件 ID', en: 'File id' } },
          { name: 'filename', type: 'text', label: { zh: '文件名', en: 'File name' } },
          { name: 'sha256', type: 'text', label: { zh: 'SHA-256', en: 'SHA-256' } },
          { name: 'bytes', type: 'number', label: { zh: '字节', en: 'Bytes' } },
        ],
      },
    ],
  }
}
