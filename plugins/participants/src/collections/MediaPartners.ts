import { FIELD_LIMITS, optionsFrom, PARTICIPATION_MODE_LABELS } from '@exemplar/domain'
import type { Access, CollectionConfig, FieldAccess, Validate } from 'payload'

import {
  checkEmail,
  checkHostname,
  checkLandline,
  checkMobile,
  optional,
  required,
  validateWith,
} from '../lib/formats'
import { idOf } from '../lib/ids'
import type { ResolvedParticipantsOptions } from '../types'
import { greet, userContact, verificationFields, verificationHooks } from './verification'

export const MEDIA_PARTNERS = 'media-partners'

/** The participation modes of seed 001's 回执表, plus 其他 with free text. */
export const PARTICIPATION_MODES = optionsFrom(PARTICIPATION_MODE_LABELS)

export const MAX_EMBED_DOMAINS = FIELD_LIMITS.partner.embedDomains

/** Owners and editors; the receipt form is not public. */
export function ownedOrEditor(isEditor: (user: unknown) => boolean): Access {
  return ({ req }) => {
    if (isEditor(req.user)) {
      return true
    }
    const id = idOf(req.user)
    return id === undefined ? false : { owner: { equals: id } }
  }
}

/**
 * 回执表 (seed 001): a media outlet's receipt form for joining the campaign
 * publicity, with the hostnames where it will embed galleries and boards.
 */
export function mediaPartnersCollection(options: ResolvedParticipantsOptions): CollectionConfig {
  const { isEditor } = options
  const editorsOnly: FieldAccess = ({ req }) => isEditor(req.user)
  const verification = verificationHooks({
    isEditor,
    subject: '合作媒体回执',
    reviewedFields: ['outletName', 'embedDomains'],
    recipient: async (doc, req) => {
      const owner = await userContact(req, options.users, doc.owner)
      return {
        email: owner?.email ?? (typeof doc.email === 'string' ? doc.email : undefined),
        greeting: greet(doc.contactName ?? owner?.name),
        title: String(doc.outletName),
      }
    },
  })
  return {
    slug: MEDIA_PARTNERS,
    labels: {
      singular: { zh: '合作媒体', en: 'Media partner' },
      plural: { zh: '合作媒体', en: 'Media partners' },
    },
    admin: {
      useAsTitle: 'outletName',
      defaultColumns: ['outletName', 'contactName', 'modes', 'verification'],
      group: { zh: '参与者', en: 'Participants' },
    },
    access: {
      read: ownedOrEditor(isEditor),
      create: ({ req }) => isEditor(req.user),
      update: ownedOrEditor(isEditor),
      delete: ({ req }) => isEditor(req.user),
    },
    hooks: {
      beforeChange: [
        ({ data }) =>
          Array.isArray(data.embedDomains)
            ? {
                ...data,
                embedDomains: [
                  ...new Set(data.embedDomains.map((d: unknown) => String(d).trim().toLowerCase())),
                ],
              }
            : data,
        verification.beforeChange,
      ],
      afterChange: [verification.afterChange],
    },
    fields: [
      {
        name: 'outletName',
        label: { zh: '媒体名称', en: 'Outlet name' },
        type: 'text',
        required: true,
        maxLength: FIELD_LIMITS.partner.outletName,
        index: true,
      },
      {
        name: 'address',
        label: { zh: '通讯地址', en: 'Address' },
        type: 'text',
        maxLength: FIELD_LIMITS.partner.address,
      },
      {
        name: 'email',
        label: { zh: '电子邮箱', en: 'Email' },
        type: 'text',
        required: true,
        validate: validateWith(required('电子邮箱', checkEmail)),
      },
      {
        name: 'contactName',
        label: { zh: '联系人', en: 'Contact person' },
        type: 'text',
        required: true,
        maxLength: FIELD_LIMITS.partner.contactName,
      },
      {
        name: 'landline',
        label: { zh: '座机', en: 'Landline' },
        type: 'text',
        validate: validateWith(optional(checkLandline)),
      },
      {
        name: 'mobile',
        label: { zh: '手机', en: 'Mobile' },
        type: 'text',
        required: true,
        validate: validateWith(required('手机', checkMobile)),
      },
      {
        name: 'modes',
        label: { zh: '参与方式', en: 'Participation modes' },
        type: 'select',
        hasMany: true,
        required: true,
        options: PARTICIPATION_MODES,
      },
      {
        name: 'otherMode',
        label: { zh: '其他方式说明', en: 'Other mode' },
        type: 'text',
        maxLength: FIELD_LIMITS.partner.otherMode,
        validate: ((value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
          const modes = Array.isArray(siblingData.modes) ? siblingData.modes : []
          return modes.includes('other') && (typeof value !== 'string' || value.trim() === '')
            ? '选择「其他」参与方式时请说明具体方式（otherMode）'
            : true
        }) as Validate,
        admin: {
          condition: (_, sibling) =>
            Array.isArray(sibling?.modes) && sibling.modes.includes('other'),
        },
      },
      {
        name: 'embedDomains',
        label: { zh: '嵌入域名', en: 'Embed domains' },
        type: 'text',
        hasMany: true,
        maxRows: MAX_EMBED_DOMAINS,
        validate: ((value: unknown) => {
          const list = Array.isArray(value) ? value : []
          if (list.length > MAX_EMBED_DOMAINS) {
            return `嵌入域名最多 ${MAX_EMBED_DOMAINS} 个`
          }
          return list.map((d) => checkHostname(d)).find(Boolean) ?? true
        }) as Validate,
        admin: {
          description: {
            zh: '将嵌入作品展示与排行榜的网站域名，如 news.example.org',
            en: 'Hostnames where galleries and leaderboards will be embedded',
          },
        },
      },
      ...verificationFields(isEditor),
      agreementField,
      {
        name: 'owner',
        label: { zh: '管理账号', en: 'Managed by' },
        type: 'relationship',
        relationTo: options.users,
        index: true,
        access: { update: editorsOnly },
        admin: { position: 'sidebar' },
      },
    ],
  }
}

/** When the platform agreement was accepted at registration; nobody edits it. */
export const agreementField = {
  name: 'agreementAcceptedAt',
  label: { zh: '同意平台协议时间', en: 'Agreement accepted at' },
  type: 'date' as const,
  access: { create: () => false, update: () => false },
  admin: {
    position: 'sidebar' as const,
    readOnly: true,
    date: { pickerAppearance: 'dayAndTime' as const },
  },
}
