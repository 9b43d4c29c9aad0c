import type { CollectionConfig, PayloadRequest } from 'payload'

import { refuse } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import type { ResolvedParticipantsOptions } from '../types'
import { PLEDGE_FIELD } from './campaignExtensions'
import { DOCTOR_PROFILES } from './DoctorProfiles'

export const PLEDGES = 'pledges'

/**
 * 倡议书 signatures. `signer` is `organization:<id>` or `doctor:<id>` and
 * (campaign, signer) is unique, so one signer signs a campaign once even when
 * the button is pressed twice; a plain (campaign, organization, doctor) index
 * would not do, because SQL treats the empty doctor of every institution's
 * signature as distinct.
 */
export function pledgesCollection(options: ResolvedParticipantsOptions): CollectionConfig {
  return {
    slug: PLEDGES,
    labels: {
      singular: { zh: '倡议书签署', en: 'Pledge' },
      plural: { zh: '倡议书签署', en: 'Pledges' },
    },
    admin: {
      useAsTitle: 'signer',
      defaultColumns: ['campaign', 'organization', 'doctor', 'signedAt'],
      group: { zh: '参与者', en: 'Participants' },
    },
    access: {
      // A signature wall is public; signers are verified institutions and doctors.
      read: () => true,
      create: ({ req }) => idOf(req.user) !== undefined,
      update: () => false,
      delete: ({ req }) => options.isEditor(req.user),
    },
    indexes: [{ fields: ['campaign', 'signer'], unique: true }],
    hooks: {
      beforeChange: [
        async ({ data, operation, req }) =>
          operation === 'create' ? { ...data, ...(await checkSigner(options, data, req)) } : data,
      ],
    },
    fields: [
      {
        name: 'campaign',
        label: { zh: '活动', en: 'Campaign' },
        type: 'relationship',
        relationTo: options.campaigns,
        required: true,
        index: true,
      },
      {
        name: 'organization',
        label: { zh: '签署机构', en: 'Institution' },
        type: 'relationship',
        relationTo: options.organizations,
        index: true,
      },
      {
        name: 'doctor',
        label: { zh: '签署医生', en: 'Doctor' },
        type: 'relationship',
        relationTo: DOCTOR_PROFILES,
        index: true,
      },
      {
        name: 'signer',
        label: { zh: '签署方', en: 'Signer' },
        type: 'text',
        admin: { readOnly: true },
      },
      {
        name: 'signedAt',
        label: { zh: '签署时间', en: 'Signed at' },
        type: 'date',
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  }
}

/**
 * Who signs, decided on the server: the caller's verified institution, or
 * one of its verified doctors; only while the campaign is published.
 */
async function checkSigner(
  options: ResolvedParticipantsOptions,
  data: Record<string, unknown>,
  req: PayloadRequest,
): Promise<Record<string, unknown>> {
  const { payload } = req
  const campaignId = idOf(data.campaign)
  // The campaign's state decides, not the caller's rights, so this read ignores access.
  const campaign =
    campaignId === undefined
      ? undefined
      : (
          await payload.find({
            collection: options.campaigns,
            where: { and: [{ id: { equals: campaignId } }, { _status: { equals: 'published' } }] },
            depth: 0,
            limit: 1,
            pagination: false,
            overrideAccess: true,
            select: { [PLEDGE_FIELD]: true },
            req,
          })
        ).docs[0]
  if (!campaign) {
    throw refuse(400, 'campaign', 'campaign.notPublished', '只能签署已发布活动的倡议书（campaign）')
  }
  if ((campaign as Record<string, unknown>)[PLEDGE_FIELD] !== true) {
    throw refuse(400, 'campaign', 'campaign.noPledge', '该活动不设在线签署的倡议书（campaign）')
  }
  const doctorId = idOf(data.doctor)
  if (doctorId !== undefined) {
    const doctor = await payload.findByID({
      collection: DOCTOR_PROFILES,
      id: doctorId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    const d = doctor as { owner?: unknown; organization?: unknown; verification?: unknown } | null
    if (!d || (!options.isEditor(req.user) && !sameId(d.owner, idOf(req.user)))) {
      throw refuse(403, 'doctor', 'doctor.foreign', '只能以本机构的医生身份签署')
    }
    if (d.verification !== 'verified') {
      throw refuse(403, 'doctor', 'doctor.notVerified', '医者名片通过审核后方可签署倡议书')
    }
    return {
      campaign: campaignId,
      doctor: doctorId,
      organization: idOf(d.organization) ?? null,
      signer: `doctor:${doctorId}`,
      signedAt: new Date().toISOString(),
    }
  }
  const orgId = idOf(data.organization)
  const organization =
    orgId === undefined
      ? null
      : await payload.findByID({
          collection: options.organizations,
          id: orgId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })
  const o = organization as { owner?: unknown; verification?: unknown } | null
  if (!o || (!options.isEditor(req.user) && !sameId(o.owner, idOf(req.user)))) {
    throw refuse(403, 'organization', 'organization.foreign', '只能以本账号管理的机构签署倡议书')
  }
  if (o.verification !== 'verified') {
    throw refuse(403, 'organization', 'organization.notVerified', '机构通过认证后方可签署倡议书')
  }
  return {
    campaign: campaignId,
    organization: orgId,
    doctor: null,
    signer: `organization:${orgId}`,
    signedAt: new Date().toISOString(),
  }
}
