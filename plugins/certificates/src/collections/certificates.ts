import { CERTIFICATE_KIND_LABELS, CERTIFICATE_STATUS_LABELS, optionsFrom } from '@exemplar/domain'
import type { Access, CollectionConfig, FieldAccess } from 'payload'

import type { ResolvedCertificatesOptions } from '../types'

const l = (zh: string, en: string) => ({ zh, en })

/**
 * 证书: one per award (and per excellent organizing institution or
 * participating medium). Written only by the plugin: issued from a frozen
 * result in bulk, revoked when its entry is. Public, because a certificate
 * exists to be checked by whoever holds the paper; what is public is the
 * signed record, whose people's names are masked. The full names and the
 * holding account are read by editors and by the holder.
 */
export function certificatesCollection(options: ResolvedCertificatesOptions): CollectionConfig {
  const nobody: Access = () => false
  const idOf = (v: unknown) =>
    v && typeof v === 'object' ? (v as { id?: unknown }).id : (v as unknown)
  const holderOrEditor: FieldAccess = ({ req, doc }) =>
    options.isEditor(req.user) ||
    (req.user != null && doc != null && String(idOf(doc.holderUser)) === String(req.user.id))
  return {
    slug: options.slug,
    labels: { singular: l('证书', 'Certificate'), plural: l('证书', 'Certificates') },
    admin: {
      useAsTitle: 'number',
      defaultColumns: ['number', 'kind', 'status', 'campaign', 'issuedAt'],
      group: l('评选结果', 'Results'),
    },
    access: { read: () => true, create: nobody, update: nobody, delete: nobody },
    fields: [
      {
        name: 'number',
        label: l('证书编号', 'Number'),
        type: 'text',
        required: true,
        unique: true,
        index: true,
      },
      { name: 'year', label: l('年份', 'Year'), type: 'number', required: true },
      { name: 'serial', label: l('序号', 'Serial'), type: 'number', required: true },
      {
        name: 'kind',
        label: l('类别', 'Kind'),
        type: 'select',
        required: true,
        options: optionsFrom(CERTIFICATE_KIND_LABELS),
      },
      {
        name: 'status',
        label: l('状态', 'Status'),
        type: 'select',
        required: true,
        defaultValue: 'valid',
        index: true,
        options: optionsFrom(CERTIFICATE_STATUS_LABELS),
      },
      {
        name: 'campaign',
        label: l('征集活动', 'Campaign'),
        type: 'relationship',
        relationTo: options.campaigns,
        required: true,
        index: true,
      },
      {
        name: 'entry',
        label: l('作品', 'Entry'),
        type: 'relationship',
        relationTo: options.entries,
        index: true,
      },
      {
        name: 'snapshot',
        label: l('依据的结果快照', 'Results snapshot'),
        type: 'relationship',
        relationTo: options.snapshots,
      },
      { name: 'issuedAt', label: l('颁发时间', 'Issued at'), type: 'date', required: true },
      {
        name: 'holderUser',
        label: l('持有账号', 'Holder account'),
        type: 'relationship',
        relationTo: options.users,
        index: true,
        access: { read: holderOrEditor },
      },
      {
        name: 'holderNames',
        label: l('持有人全名', 'Holders in full'),
        type: 'json',
        access: { read: holderOrEditor },
        admin: { description: l('公开记录中姓名已打码', 'The public record masks them') },
      },
      {
        name: 'record',
        label: l('签名记录', 'Signed record'),
        type: 'json',
        required: true,
        admin: {
          description: l(
            '签名覆盖的内容：exemplar-certificate-v1 换行后接本记录的规范化 JSON',
            'What the signature covers: exemplar-certificate-v1, a newline, then this record’s canonical JSON',
          ),
        },
      },
      {
        name: 'signature',
        label: l('Ed25519 签名', 'Ed25519 signature'),
        type: 'text',
        required: true,
      },
      { name: 'keyId', label: l('密钥标识', 'Key id'), type: 'text', required: true },
      { name: 'revokedAt', label: l('撤销时间', 'Revoked at'), type: 'date' },
      { name: 'revokedReason', label: l('撤销原因', 'Reason for revoking'), type: 'text' },
    ],
  }
}
