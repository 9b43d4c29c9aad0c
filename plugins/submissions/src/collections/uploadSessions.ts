import type { Access, CollectionConfig } from 'payload'

import type { ResolvedSubmissionsOptions } from '../types'

const l = (zh: string, en: string) => ({ zh, en })

/** Kinds of upload a session stands for. */
export const SESSION_KINDS = ['resumable', 'plain'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

/** A resumable upload is `receiving` until its last byte arrives, then `received` until completed. */
export const SESSION_STATES = ['receiving', 'received'] as const
export type SessionState = (typeof SESSION_STATES)[number]

/** A stored session as the plugin reads it. */
export interface UploadSession {
  id: number | string
  uploadId: string
  owner: unknown
  kind: SessionKind
  state: SessionState
  declaredBytes: number
  activeAt: string
}

/**
 * Uploads being received, one row each, so that every CMS process counts the
 * same bytes in flight (the per-user quotas) and knows who owns a resumable
 * upload without trusting the upload's own metadata file. A row lives from
 * the upload's first request until it is completed, refused, terminated or
 * swept; only the plugin writes (with overrideAccess), editors may read and
 * delete a stuck one.
 */
export function uploadSessionsCollection(options: ResolvedSubmissionsOptions): CollectionConfig {
  const editors: Access = ({ req }) => options.isEditor(req.user)
  const nobody: Access = () => false
  return {
    slug: options.uploadSessions,
    labels: { singular: l('上传会话', 'Upload session'), plural: l('上传会话', 'Upload sessions') },
    admin: {
      group: l('系统', 'System'),
      useAsTitle: 'uploadId',
      defaultColumns: ['uploadId', 'owner', 'kind', 'state', 'declaredBytes', 'activeAt'],
      description: l(
        '正在上传的文件（用于每个账号的上传配额）；完成、拒绝或闲置超过期限后自动删除。',
        'Uploads being received (per-user quotas); removed when completed, refused or idle too long.',
      ),
    },
    access: { read: editors, create: nobody, update: nobody, delete: editors },
    indexes: [{ fields: ['owner', 'kind'] }],
    fields: [
      {
        name: 'uploadId',
        label: l('上传编号', 'Upload id'),
        type: 'text',
        required: true,
        unique: true,
        index: true,
      },
      {
        name: 'owner',
        label: l('上传者', 'Uploaded by'),
        type: 'relationship',
        relationTo: options.users,
        required: true,
        index: true,
      },
      {
        name: 'kind',
        label: l('方式', 'Kind'),
        type: 'select',
        required: true,
        options: [
          { value: 'resumable', label: l('断点续传', 'Resumable') },
          { value: 'plain', label: l('普通上传', 'Plain') },
        ],
      },
      {
        name: 'state',
        label: l('状态', 'State'),
        type: 'select',
        required: true,
        defaultValue: 'receiving',
        options: [
          { value: 'receiving', label: l('接收中', 'Receiving') },
          { value: 'received', label: l('已接收，待提交', 'Received, not completed') },
        ],
      },
      {
        name: 'declaredBytes',
        label: l('声明大小（字节）', 'Declared size (bytes)'),
        type: 'number',
        required: true,
        min: 0,
      },
      {
        // The sweep deletes a resumable upload idle past the expiry, measured from here.
        name: 'activeAt',
        label: l('最近活动', 'Last activity'),
        type: 'date',
        required: true,
        index: true,
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  }
}
