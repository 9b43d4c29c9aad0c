import {
  DOCTOR_TITLE_LABELS,
  DOCTOR_TITLE_RULE,
  ELIGIBLE_DOCTOR_TITLES,
  optionsFrom,
} from '@exemplar/domain'
import type { Access, CollectionConfig, FieldAccess, PayloadRequest } from 'payload'

import {
  checkMobile,
  checkPracticeCertificate,
  checkQualificationCertificate,
  normalizeCode,
  required,
  validateWith,
  type Check,
} from '../lib/formats'
import { refuse } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import { addWorkingDays } from '../lib/workingDays'
import type { ResolvedParticipantsOptions } from '../types'
import { ownedOrEditor } from './MediaPartners'
import { greet, userContact, verificationFields, verificationHooks } from './verification'

export const DOCTOR_PROFILES = 'doctor-profiles'

/** The domain's titles, residents included so the server can say why they are refused. */
export const DOCTOR_TITLES = optionsFrom(DOCTOR_TITLE_LABELS).map((t) => ({
  ...t,
  eligible: ELIGIBLE_DOCTOR_TITLES.includes(t.value),
}))

export const TITLE_RULE = DOCTOR_TITLE_RULE

const checkTitle: Check = (value) => {
  const title = DOCTOR_TITLES.find((t) => t.value === value)
  if (!title) {
    return '请选择职称：主治医师、副主任医师或主任医师'
  }
  return title.eligible ? undefined : `${TITLE_RULE}，${title.label.zh}暂不能入驻医者名片`
}

/**
 * 医者名片: doctors an institution recommends (seed 000). Each holds one of
 * the institution's slots 1..N under a unique (organization, slot) index, so
 * the cap holds on SQLite and MongoDB alike however many requests race: two
 * creates that pick the same free slot cannot both be stored.
 */
export function doctorProfilesCollection(options: ResolvedParticipantsOptions): CollectionConfig {
  const { isEditor } = options
  const editorsOnly: FieldAccess = ({ req }) => isEditor(req.user)
  // Certificate codes, the mobile and the seal form are for the institution and editors only.
  const ownerOrEditor: FieldAccess = ({ req, doc }) =>
    isEditor(req.user) || (doc !== undefined && sameId(doc.owner, idOf(req.user)))
  const readable: Access = ({ req }) => {
    if (isEditor(req.user)) {
      return true
    }
    const verified = { verification: { equals: 'verified' } }
    const id = idOf(req.user)
    return id === undefined ? verified : { or: [verified, { owner: { equals: id } }] }
  }
  const ownedOrEditorAccess = ownedOrEditor(isEditor)
  const verification = verificationHooks({
    isEditor,
    subject: '医者名片',
    reviewedFields: [
      'name',
      'department',
      'title',
      'practiceCertificateCode',
      'qualificationCertificateCode',
      'recommendationForm',
    ],
    recipient: async (doc, req) => {
      const owner = await userContact(req, options.users, doc.owner)
      return {
        email: owner?.email,
        greeting: greet(owner?.name),
        title: `${String(doc.name)}（${String(doc.department ?? '')}）`,
      }
    },
  })

  return {
    slug: DOCTOR_PROFILES,
    labels: {
      singular: { zh: '医者名片', en: 'Doctor profile' },
      plural: { zh: '医者名片', en: 'Doctor profiles' },
    },
    admin: {
      useAsTitle: 'name',
      defaultColumns: [
        'name',
        'organization',
        'department',
        'title',
        'verification',
        'verificationDueAt',
      ],
      group: { zh: '参与者', en: 'Participants' },
    },
    access: {
      read: readable,
      create: ({ req }) => idOf(req.user) !== undefined,
      update: ownedOrEditorAccess,
      delete: ownedOrEditorAccess,
    },
    indexes: [{ fields: ['organization', 'slot'], unique: true }],
    hooks: {
      beforeChange: [
        async ({ data, operation, req, originalDoc }) => {
          for (const code of ['practiceCertificateCode', 'qualificationCertificateCode']) {
            if (code in data) {
              data[code] = normalizeCode(data[code])
            }
          }
          if ('recommendationForm' in data) {
            await sealForm(options, data.recommendationForm, req)
          }
          if (operation === 'create') {
            return { ...data, ...(await claimSlot(options, data, req)) }
          }
          // The slot and the institution are fixed once claimed; moving a doctor is delete + create.
          return { ...data, slot: originalDoc?.slot, organization: originalDoc?.organization }
        },
        verification.beforeChange,
      ],
      afterChange: [verification.afterChange],
    },
    fields: [
      {
        name: 'name',
        label: { zh: '姓名', en: 'Name' },
        type: 'text',
        required: true,
        maxLength: 50,
        index: true,
      },
      {
        name: 'organization',
        label: { zh: '所在医院', en: 'Hospital' },
        type: 'relationship',
        relationTo: options.organizations,
        required: true,
        index: true,
        access: { update: editorsOnly },
      },
      {
        name: 'department',
        label: { zh: '科室', en: 'Department' },
        type: 'text',
        required: true,
        maxLength: 50,
      },
      {
        name: 'title',
        label: { zh: '职称', en: 'Title' },
        type: 'select',
        required: true,
        options: DOCTOR_TITLES.map(({ value, label }) => ({ value, label })),
        validate: validateWith(checkTitle),
        admin: { description: { zh: TITLE_RULE, en: 'Attending physician or above' } },
      },
      {
        name: 'mobile',
        label: { zh: '手机号', en: 'Mobile' },
        type: 'text',
        required: true,
        validate: validateWith(required('手机号', checkMobile)),
        access: { read: ownerOrEditor },
      },
      {
        name: 'practiceCertificateCode',
        label: { zh: '医师执业证书编码', en: 'Practice certificate code' },
        type: 'text',
        required: true,
        validate: validateWith(required('医师执业证书编码', checkPracticeCertificate)),
        access: { read: ownerOrEditor },
      },
      {
        name: 'qualificationCertificateCode',
        label: { zh: '医师资格证书编码', en: 'Qualification certificate code' },
        type: 'text',
        required: true,
        validate: validateWith(required('医师资格证书编码', checkQualificationCertificate)),
        access: { read: ownerOrEditor },
      },
      {
        name: 'recommendationForm',
        label: { zh: '推荐表（加盖公章）', en: 'Recommendation form (sealed)' },
        type: 'upload',
        relationTo: options.media,
        required: true,
        access: { read: ownerOrEditor },
      },
      ...verificationFields(isEditor, ownerOrEditor),
      {
        name: 'verificationDueAt',
        label: { zh: '审核截止', en: 'Verification due' },
        type: 'date',
        index: true,
        access: { create: () => false, update: () => false, read: ownerOrEditor },
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: { zh: '提交后 10 个工作日', en: '10 working days after submission' },
          date: { pickerAppearance: 'dayAndTime' },
        },
      },
      {
        name: 'slot',
        label: { zh: '名额序号', en: 'Slot' },
        type: 'number',
        min: 1,
        max: options.maxDoctorsPerInstitution,
        access: { create: () => false, update: () => false, read: ownerOrEditor },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'owner',
        label: { zh: '管理账号', en: 'Managed by' },
        type: 'relationship',
        relationTo: options.users,
        index: true,
        access: { create: () => false, update: () => false, read: ownerOrEditor },
        admin: { position: 'sidebar', readOnly: true },
      },
    ],
  }
}

/**
 * Checks the institution a new profile names and picks its lowest free slot.
 * The caller must own that institution and it must be verified; an editor
 * may add a doctor to any institution.
 */
async function claimSlot(
  options: ResolvedParticipantsOptions,
  data: Record<string, unknown>,
  req: PayloadRequest,
): Promise<Record<string, unknown>> {
  const orgId = idOf(data.organization)
  const organization =
    orgId === undefined
      ? null
      : await req.payload.findByID({
          collection: options.organizations,
          id: orgId,
          depth: 0,
          overrideAccess: true,
          req,
          disableErrors: true,
        })
  if (!organization) {
    throw refuse(
      400,
      'organization',
      'organization.required',
      '请选择医生所在的医院（organization）',
    )
  }
  const org = organization as { owner?: unknown; verification?: unknown }
  if (!options.isEditor(req.user)) {
    if (!sameId(org.owner, idOf(req.user))) {
      throw refuse(403, 'organization', 'organization.foreign', '只能为本账号管理的机构添加医生')
    }
    if (org.verification !== 'verified') {
      throw refuse(
        403,
        'organization',
        'organization.notVerified',
        '机构通过认证后方可推荐医生入驻医者名片',
      )
    }
  }
  const taken = await req.payload.find({
    collection: DOCTOR_PROFILES,
    where: { organization: { equals: orgId } },
    select: { slot: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const used = new Set(taken.docs.map((d) => (d as { slot?: number }).slot))
  const max = options.maxDoctorsPerInstitution
  let slot = 1
  while (slot <= max && used.has(slot)) {
    slot += 1
  }
  if (slot > max) {
    throw refuse(409, 'organization', 'doctors.capReached', `每家机构最多 ${max} 名医生`, max)
  }
  return {
    slot,
    owner: idOf(org.owner) ?? null,
    verification: options.isEditor(req.user) ? (data.verification ?? 'pending') : 'pending',
    verificationDueAt: addWorkingDays(
      new Date(),
      options.doctorVerificationWorkingDays,
      options.calendar,
    ).toISOString(),
  }
}

/** The types a scanned, sealed form arrives in. */
export const FORM_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png']

/**
 * A recommendation form must be a PDF or image the caller uploaded; it is
 * then marked confidential so the public media listing and file URLs stop
 * serving it.
 */
async function sealForm(
  options: ResolvedParticipantsOptions,
  form: unknown,
  req: PayloadRequest,
): Promise<void> {
  const id = idOf(form)
  if (id === undefined) {
    return
  }
  const media = (await req.payload.findByID({
    collection: options.media,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as { owner?: unknown; mimeType?: unknown; confidential?: unknown } | null
  if (!media || (!options.isEditor(req.user) && !sameId(media.owner, idOf(req.user)))) {
    throw refuse(
      403,
      'recommendationForm',
      'recommendationForm.foreign',
      '推荐表须为本账号上传的文件（recommendationForm）',
    )
  }
  if (!FORM_MIME_TYPES.includes(String(media.mimeType))) {
    throw refuse(
      400,
      'recommendationForm',
      'recommendationForm.fileType',
      '推荐表须为加盖公章的 PDF、JPEG 或 PNG 文件',
      'pdf,jpeg,png',
    )
  }
  if (media.confidential !== true) {
    await req.payload.update({
      collection: options.media,
      id,
      data: { confidential: true } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}
