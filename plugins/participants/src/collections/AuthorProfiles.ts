import type { CollectionConfig, FieldAccess } from 'payload'

import { checkEmail, checkMobile, checkPostcode, required, validateWith } from '../lib/formats'
import type { ResolvedParticipantsOptions } from '../types'
import { agreementField, ownedOrEditor } from './MediaPartners'

export const AUTHOR_PROFILES = 'author-profiles'

/** 作品登记表 (seed 001): an individual author who submits directly. */
export function authorProfilesCollection(options: ResolvedParticipantsOptions): CollectionConfig {
  const editorsOnly: FieldAccess = ({ req }) => options.isEditor(req.user)
  return {
    slug: AUTHOR_PROFILES,
    labels: {
      singular: { zh: '个人作者', en: 'Individual author' },
      plural: { zh: '个人作者', en: 'Individual authors' },
    },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'email', 'mobile', 'informationSource'],
      group: { zh: '参与者', en: 'Participants' },
    },
    access: {
      read: ownedOrEditor(options.isEditor),
      create: ({ req }) => options.isEditor(req.user),
      update: ownedOrEditor(options.isEditor),
      delete: ({ req }) => options.isEditor(req.user),
    },
    fields: [
      {
        name: 'name',
        label: { zh: '姓名', en: 'Name' },
        type: 'text',
        required: true,
        maxLength: 50,
      },
      {
        name: 'email',
        label: { zh: '电子邮箱', en: 'Email' },
        type: 'text',
        required: true,
        validate: validateWith(required('电子邮箱', checkEmail)),
      },
      {
        name: 'mobile',
        label: { zh: '手机', en: 'Mobile' },
        type: 'text',
        required: true,
        validate: validateWith(required('手机', checkMobile)),
      },
      {
        name: 'address',
        label: { zh: '通讯地址', en: 'Address' },
        type: 'text',
        required: true,
        maxLength: 200,
      },
      {
        name: 'postcode',
        label: { zh: '邮编', en: 'Postcode' },
        type: 'text',
        required: true,
        validate: validateWith(required('邮编', checkPostcode)),
      },
      {
        name: 'informationSource',
        label: { zh: '信息来源', en: 'Information source' },
        type: 'text',
        maxLength: 200,
        admin: {
          description: { zh: '从何处得知本次活动', en: 'Where they heard of the campaign' },
        },
      },
      agreementField,
      {
        name: 'owner',
        label: { zh: '账号', en: 'Account' },
        type: 'relationship',
        relationTo: options.users,
        index: true,
        access: { update: editorsOnly },
        admin: { position: 'sidebar' },
      },
    ],
  }
}
