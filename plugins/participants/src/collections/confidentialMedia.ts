import type { Access, CollectionConfig, Field, Where } from 'payload'

import { idOf } from '../lib/ids'
import type { ResolvedParticipantsOptions } from '../types'

/**
 * Recommendation forms carry a doctor's certificate numbers and an official
 * seal, yet the media collection is publicly readable (entries' images live
 * there). A `confidential` flag, set by the server when a file becomes a
 * recommendation form, hides it, its listing entry and its file URLs from
 * everyone but its uploader and editors; every other rule of the collection
 * still applies on top.
 */
export function withConfidentialMedia(
  collection: CollectionConfig,
  options: ResolvedParticipantsOptions,
): CollectionConfig {
  const hasOwner = collection.fields.some((f) => 'name' in f && f.name === 'owner')
  const original = collection.access?.read
  const read: Access = async (args) => {
    const base = original ? await original(args) : idOf(args.req.user) !== undefined
    if (base === false || options.isEditor(args.req.user)) {
      return base
    }
    const id = idOf(args.req.user)
    // Files stored before the flag existed have no value; they stay public.
    const open: Where = {
      or: [{ confidential: { equals: false } }, { confidential: { exists: false } }],
    }
    const allowed: Where =
      id !== undefined && hasOwner ? { or: [open, { owner: { equals: id } }] } : open
    return base === true ? allowed : { and: [base, allowed] }
  }
  const field: Field = {
    name: 'confidential',
    label: { zh: '仅上传者与编辑可见', en: 'Confidential' },
    type: 'checkbox',
    defaultValue: false,
    index: true,
    access: {
      create: ({ req }) => options.isEditor(req.user),
      update: ({ req }) => options.isEditor(req.user),
    },
    admin: {
      position: 'sidebar',
      description: { zh: '医者名片推荐表等含个人信息的文件', en: 'Files with personal data' },
    },
  }
  return {
    ...collection,
    access: { ...collection.access, read },
    fields: collection.fields.some((f) => 'name' in f && f.name === 'confidential')
      ? collection.fields
      : [...collection.fields, field],
  }
}
