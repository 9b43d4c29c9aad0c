import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'
import { ValidationError } from 'payload'

import { AUTHOR_PROFILES } from '../collections/AuthorProfiles'
import { DOCTOR_PROFILES } from '../collections/DoctorProfiles'
import { MEDIA_PARTNERS } from '../collections/MediaPartners'
import { PLEDGES } from '../collections/Pledges'
import { errorResponse, json, readBody, refuse } from '../lib/errors'
import { idOf } from '../lib/ids'
import type { ResolvedParticipantsOptions } from '../types'

const slug = (s: string) => s as CollectionSlug

/** Finds as the caller, so access rules decide what they see. */
async function findAsCaller(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  limit = 1,
) {
  const { docs } = await req.payload.find({
    collection,
    where,
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs as unknown as Record<string, unknown>[]
}

function signedIn(req: PayloadRequest): number | string {
  const id = idOf(req.user)
  if (id === undefined) {
    throw refuse(401, '', 'auth.required', '请先登录')
  }
  return id
}

/** The institution an account manages, if any. */
async function ownOrganization(
  req: PayloadRequest,
  options: ResolvedParticipantsOptions,
  userId: number | string,
) {
  const [org] = await findAsCaller(req, options.organizations, { owner: { equals: userId } })
  return org
}

/** `GET /api/participants/me`: the caller's account, profiles, doctors and signatures. */
function meEndpoint(options: ResolvedParticipantsOptions): Endpoint {
  return {
    method: 'get',
    path: '/participants/me',
    handler: async (req) => {
      try {
        const userId = signedIn(req)
        const user = req.user as unknown as Record<string, unknown>
        const org = await ownOrganization(req, options, userId)
        const [doctors, [author], [partner], pledges] = await Promise.all([
          // `owner` is not a public field, so it cannot be queried; the institution is.
          org
            ? findAsCaller(req, slug(DOCTOR_PROFILES), { organization: { equals: org.id } }, 100)
            : Promise.resolve([]),
          findAsCaller(req, slug(AUTHOR_PROFILES), { owner: { equals: userId } }),
          findAsCaller(req, slug(MEDIA_PARTNERS), { owner: { equals: userId } }),
          org
            ? findAsCaller(req, slug(PLEDGES), { organization: { equals: org.id } }, 1000)
            : Promise.resolve([]),
        ])
        return json({
          user: {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            organization: idOf(user.organization) ?? null,
          },
          ...(org
            ? {
                organization: {
                  id: org.id,
                  name: org.name,
                  licenceName: org.licenceName,
                  type: org.type,
                  verification: org.verification,
                  verificationNote: org.verificationNote ?? null,
                },
              }
            : {}),
          doctors,
          ...(author ? { author } : {}),
          ...(partner ? { partner } : {}),
          pledges: pledges.map((p) => ({
            id: p.id,
            campaign: idOf(p.campaign),
            doctor: idOf(p.doctor) ?? null,
            signedAt: p.signedAt,
          })),
        })
      } catch (error) {
        return errorResponse(error)
      }
    },
  }
}

/**
 * `POST /api/participants/pledges`: signs as the caller's institution or one
 * of its doctors. The pledges collection's own hook checks the signer and the
 * campaign; the unique (campaign, signer) index makes a second press, even a
 * simultaneous one, an `alreadySigned` answer instead of a second signature.
 */
function signEndpoint(options: ResolvedParticipantsOptions): Endpoint {
  return {
    method: 'post',
    path: '/participants/pledges',
    handler: async (req) => {
      try {
        const userId = signedIn(req)
        const body = await readBody(req)
        const campaign = idOf(body.campaign)
        if (campaign === undefined) {
          throw refuse(400, 'campaign', 'campaign.required', '请指定要签署倡议书的活动（campaign）')
        }
        if (body.doctor !== undefined && body.doctor !== null && idOf(body.doctor) === undefined) {
          throw refuse(400, 'doctor', 'doctor.invalid', '签署医生（doctor）须为医者名片编号')
        }
        const doctor = idOf(body.doctor)
        const org = doctor === undefined ? await ownOrganization(req, options, userId) : undefined
        if (doctor === undefined && !org) {
          throw refuse(
            403,
            'organization',
            'organization.none',
            '当前账号没有管理的机构，无法签署倡议书',
          )
        }
        const signer = doctor === undefined ? `organization:${String(org?.id)}` : `doctor:${doctor}`
        const already = async () => {
          const [existing] = await findAsCaller(req, slug(PLEDGES), {
            and: [{ campaign: { equals: campaign } }, { signer: { equals: signer } }],
          })
          return existing
        }
        const existing = await already()
        if (existing) {
          return json({ alreadySigned: true, pledge: existing })
        }
        try {
          const pledge = await req.payload.create({
            collection: slug(PLEDGES),
            data: { campaign, doctor, organization: org?.id } as never,
            depth: 0,
            overrideAccess: false,
            user: req.user,
          })
          return json({ alreadySigned: false, pledge }, 201)
        } catch (error) {
          const raced = error instanceof ValidationError ? await already() : undefined
          if (raced) {
            return json({ alreadySigned: true, pledge: raced })
          }
          throw error
        }
      } catch (error) {
        return errorResponse(error)
      }
    },
  }
}

/** `GET /api/participants/pledges/count?campaign=<id>`: one indexed count, no documents read. */
function countEndpoint(): Endpoint {
  return {
    method: 'get',
    path: '/participants/pledges/count',
    handler: async (req) => {
      try {
        const campaign = new URL(req.url ?? 'http://localhost/').searchParams
          .get('campaign')
          ?.trim()
        if (!campaign) {
          throw refuse(400, 'campaign', 'campaign.required', '请指定活动（campaign）')
        }
        const { totalDocs } = await req.payload.count({
          collection: slug(PLEDGES),
          where: { campaign: { equals: campaign } },
          overrideAccess: false,
          user: req.user,
          req,
        })
        return Response.json(
          { count: totalDocs },
          { headers: { 'cache-control': 'public, max-age=30' } },
        )
      } catch (error) {
        return errorResponse(error)
      }
    },
  }
}

/**
 * `GET /api/participants/embed-domains`: the hostnames verified media
 * partners embed galleries on, for the widgets' frame-ancestors list. Only
 * these hostnames leave the server, not the receipt forms they come from, so
 * the read ignores the partners' access rule.
 */
function embedDomainsEndpoint(): Endpoint {
  return {
    method: 'get',
    path: '/participants/embed-domains',
    handler: async (req) => {
      const { docs } = await req.payload.find({
        collection: slug(MEDIA_PARTNERS),
        where: { verification: { equals: 'verified' } },
        select: { embedDomains: true },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const domains = new Set<string>()
      for (const doc of docs as { embedDomains?: unknown }[]) {
        for (const domain of Array.isArray(doc.embedDomains) ? doc.embedDomains : []) {
          domains.add(String(domain))
        }
      }
      return Response.json(
        { domains: [...domains].sort() },
        { headers: { 'cache-control': 'public, max-age=60' } },
      )
    },
  }
}

export function participantsEndpoints(options: ResolvedParticipantsOptions): Endpoint[] {
  return [meEndpoint(options), signEndpoint(options), countEndpoint(), embedDomainsEndpoint()]
}
