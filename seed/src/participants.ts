import type { Payload, Where } from 'payload'

import type { OrgRef } from './entries'

type Id = number | string

export interface ParticipantsContext {
  /** Signatures, doctors and partner records are written as this editor, so the plugin's checks run. */
  editorId: Id
  /** Verified medical and public-health institutions. */
  careOrgs: OrgRef[]
  /** The demo participant's institution and account. */
  participant: { id: Id; organization: OrgRef }
  partnerUserId: Id
  /** Current editions whose pledges are signed (seed 000 asks institutions to sign online). */
  pledgeCampaignIds: Id[]
  /** The demo PDF, standing in for recommendation forms with the official seal. */
  pdf: Id | undefined
}

/** The demo's one partner outlet (seed 001's receipt form), verified by an editor. */
export const DEMO_OUTLET = '云溪健康导报社'

/** Fictional doctors of the demo participant's hospital (certificate codes are invented). */
const DOCTORS = [
  { name: '林知远', department: '心血管内科', title: 'chief', verification: 'verified' },
  { name: '苏晓禾', department: '儿科', title: 'associate-chief', verification: 'verified' },
  { name: '顾南星', department: '全科医学科', title: 'attending', verification: 'pending' },
] as const

/**
 * Doctor profiles, pledges and a media partner's receipt form, so the
 * participation pages and the pledge count have something to show. Each
 * record is found by a natural key first: a second run creates nothing.
 */
export async function seedParticipants(
  payload: Payload,
  ctx: ParticipantsContext,
): Promise<number> {
  const editor = await payload.findByID({ collection: 'users', id: ctx.editorId, depth: 0 })
  const asEditor = { user: { ...editor, collection: 'users' as const }, depth: 0 }
  let created = 0

  const doctorIds: Id[] = []
  for (const [i, doctor] of DOCTORS.entries()) {
    const practiceCertificateCode = `1105100000${String(20261 + i).padStart(5, '0')}`
    const found = await payload.find({
      collection: 'doctor-profiles',
      where: { practiceCertificateCode: { equals: practiceCertificateCode } },
      limit: 1,
      depth: 0,
    })
    const existing = found.docs[0]
    if (existing) {
      doctorIds.push(existing.id)
      continue
    }
    if (ctx.pdf === undefined) {
      break
    }
    const doc = await payload.create({
      collection: 'doctor-profiles',
      data: {
        name: doctor.name,
        organization: ctx.participant.organization.id as number,
        department: doctor.department,
        title: doctor.title,
        mobile: `1390000${String(1001 + i)}`,
        practiceCertificateCode,
        qualificationCertificateCode: `2005510000${String(30001 + i)}`,
        recommendationForm: ctx.pdf as number,
        verification: doctor.verification,
      },
      ...asEditor,
    })
    doctorIds.push(doc.id)
    created += 1
  }

  for (const campaignId of ctx.pledgeCampaignIds) {
    const signers = [
      ...ctx.careOrgs.map((org) => ({ organization: org.id, doctor: undefined })),
      ...doctorIds
        .filter((_, i) => DOCTORS[i]?.verification === 'verified')
        .map((doctor) => ({ organization: undefined, doctor })),
    ]
    for (const signer of signers) {
      const where: Where = signer.doctor
        ? { doctor: { equals: signer.doctor } }
        : {
            and: [{ organization: { equals: signer.organization } }, { doctor: { exists: false } }],
          }
      const found = await payload.find({
        collection: 'pledges',
        where: { and: [{ campaign: { equals: campaignId } }, where] },
        limit: 1,
        depth: 0,
      })
      if (found.docs.length === 0) {
        await payload.create({
          collection: 'pledges',
          data: {
            campaign: campaignId as number,
            organization: signer.organization as number | undefined,
            doctor: signer.doctor as number | undefined,
          },
          ...asEditor,
        })
        created += 1
      }
    }
  }

  const partner = await payload.find({
    collection: 'media-partners',
    where: { owner: { equals: ctx.partnerUserId } },
    limit: 1,
    depth: 0,
  })
  if (partner.docs.length === 0) {
    await payload.create({
      collection: 'media-partners',
      data: {
        outletName: DEMO_OUTLET,
        address: '云溪市健康路 1 号（示例地址）',
        email: 'partner@example.org',
        contactName: '周编辑',
        landline: '010-55550188',
        mobile: '13900002001',
        modes: ['print', 'website', 'official-account'],
        embedDomains: ['news.example.org'],
        owner: ctx.partnerUserId as number,
        verification: 'verified',
      },
      ...asEditor,
    })
    created += 1
  }
  return created
}
