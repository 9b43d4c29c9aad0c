import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'

import { AUTHOR_PROFILES } from '../collections/AuthorProfiles'
import { MEDIA_PARTNERS } from '../collections/MediaPartners'
import {
  errorResponse,
  json,
  readBody,
  refuse,
  type FieldError,
  ParticipantsError,
} from '../lib/errors'
import {
  checkEmail,
  checkHostname,
  checkLandline,
  checkMobile,
  checkPassword,
  checkPostcode,
  optional,
  required,
  type Check,
} from '../lib/formats'
import { licenceMismatchMessage, namesMatch } from '../lib/names'
import type { ResolvedParticipantsOptions } from '../types'

const KINDS = ['institution', 'author', 'partner'] as const
type Kind = (typeof KINDS)[number]

type Body = Record<string, unknown>
const objectAt = (body: Body, key: string): Body => {
  const value = body[key]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {}
}
const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** Checks one value and records the problem under its dotted path. */
function collect(errors: FieldError[], field: string, check: Check, value: unknown) {
  const message = check(value)
  if (message) {
    errors.push({ field, message })
  }
}

/**
 * Everything that can be checked before writing, so a person sees all their
 * mistakes at once and the common refusals never start a write. Payload's
 * own validation still runs on each document inside the unit of work.
 */
function precheck(kind: Kind, body: Body): FieldError[] {
  const errors: FieldError[] = []
  const account = objectAt(body, 'account')
  if (body.agreement !== true) {
    errors.push({ field: 'agreement', message: '请阅读并同意平台协议（agreement）' })
  }
  collect(errors, 'account.email', required('邮箱', checkEmail), account.email)
  collect(errors, 'account.password', checkPassword, account.password)
  collect(errors, 'account.name', required('姓名'), account.name)
  collect(errors, 'account.phone', optional(checkMobile), account.phone)
  if (kind === 'institution') {
    const inst = objectAt(body, 'institution')
    collect(errors, 'institution.name', required('机构名称'), inst.name)
    collect(errors, 'institution.licenceName', required('营业执照名称'), inst.licenceName)
    if (
      str(inst.name) &&
      str(inst.licenceName) &&
      !namesMatch(str(inst.name), str(inst.licenceName))
    ) {
      errors.push({
        field: 'institution.licenceName',
        message: licenceMismatchMessage(inst.name, inst.licenceName),
      })
    }
    collect(errors, 'institution.type', required('机构类型'), inst.type)
  } else if (kind === 'author') {
    const author = objectAt(body, 'author')
    collect(errors, 'author.name', required('姓名'), author.name)
    collect(errors, 'author.mobile', required('手机', checkMobile), author.mobile)
    collect(errors, 'author.address', required('通讯地址'), author.address)
    collect(errors, 'author.postcode', required('邮编', checkPostcode), author.postcode)
  } else {
    const partner = objectAt(body, 'partner')
    collect(errors, 'partner.outletName', required('媒体名称'), partner.outletName)
    collect(errors, 'partner.email', required('电子邮箱', checkEmail), partner.email)
    collect(errors, 'partner.contactName', required('联系人'), partner.contactName)
    collect(errors, 'partner.mobile', required('手机', checkMobile), partner.mobile)
    collect(errors, 'partner.landline', optional(checkLandline), partner.landline)
    const modes = partner.modes
    if (!Array.isArray(modes) || modes.length === 0) {
      errors.push({ field: 'partner.modes', message: '请至少选择一种参与方式（modes）' })
    }
    const domains = Array.isArray(partner.embedDomains) ? partner.embedDomains : []
    domains.forEach((d, i) => collect(errors, `partner.embedDomains.${i}`, checkHostname, d))
  }
  return errors
}

/**
 * `POST /api/participants/register`: the account and its profile as one unit
 * of work, in one transaction.
 */
export function registerEndpoint(options: ResolvedParticipantsOptions): Endpoint {
  return {
    method: 'post',
    path: '/participants/register',
    handler: async (req) => {
      let stage = ''
      try {
        const body = await readBody(req)
        const kind = KINDS.find((k) => k === body.kind)
        if (!kind) {
          throw refuse(400, 'kind', '注册类型（kind）须为 institution、author 或 partner')
        }
        const problems = precheck(kind, body)
        if (problems.length > 0) {
          throw new ParticipantsError(400, problems)
        }
        const account = objectAt(body, 'account')
        const email = str(account.email).toLowerCase()
        const existing = await req.payload.count({
          collection: options.users,
          where: { email: { equals: email } },
          overrideAccess: true,
          req,
        })
        if (existing.totalDocs > 0) {
          throw refuse(409, 'account.email', `邮箱 ${email} 已注册，请直接登录`)
        }
        const result = await unitOfWork(req, async () => {
          const acceptedAt = new Date().toISOString()
          // Signing up is how an account comes to exist; the checks above are its gate.
          stage = 'account.'
          const user = await req.payload.create({
            collection: options.users,
            data: {
              email,
              password: String(account.password),
              name: str(account.name),
              phone: str(account.phone) || undefined,
              role: kind === 'partner' ? 'partner' : 'participant',
            } as never,
            overrideAccess: true,
            depth: 0,
            req,
          })
          const out: Record<string, unknown> = {
            user: { id: user.id, email, role: kind === 'partner' ? 'partner' : 'participant' },
          }
          if (kind === 'institution') {
            stage = 'institution.'
            const inst = objectAt(body, 'institution')
            const org = await req.payload.create({
              collection: options.organizations,
              data: {
                name: str(inst.name),
                licenceName: str(inst.licenceName),
                type: inst.type,
                province: inst.province || undefined,
                city: str(inst.city) || undefined,
                campuses: Array.isArray(inst.campuses) ? inst.campuses : [],
                mediaAccounts: Array.isArray(inst.mediaAccounts) ? inst.mediaAccounts : [],
                owner: user.id,
                verification: 'pending',
                agreementAcceptedAt: acceptedAt,
              } as never,
              overrideAccess: true,
              depth: 0,
              req,
            })
            stage = 'account.'
            await req.payload.update({
              collection: options.users,
              id: user.id,
              data: { organization: org.id } as never,
              overrideAccess: true,
              depth: 0,
              req,
            })
            out.organization = {
              id: org.id,
              name: (org as { name?: unknown }).name,
              verification: 'pending',
            }
          } else {
            const part = kind === 'author' ? 'author' : 'partner'
            const collection = (
              kind === 'author' ? AUTHOR_PROFILES : MEDIA_PARTNERS
            ) as CollectionSlug
            stage = `${part}.`
            const profile = await req.payload.create({
              collection,
              data: {
                ...profileData(kind, objectAt(body, part)),
                email: str(objectAt(body, part).email) || email,
                owner: user.id,
                agreementAcceptedAt: acceptedAt,
              } as never,
              overrideAccess: true,
              depth: 0,
              req,
            })
            out[part] = profile
          }
          return out
        })
        return json(result, 201)
      } catch (error) {
        if (
          stage === 'account.' &&
          error instanceof ValidationError &&
          error.data.errors.some((e) => e.path === 'email')
        ) {
          // Two sign-ups with one address at once: the unique index decided.
          return errorResponse(refuse(409, 'account.email', '该邮箱已注册，请直接登录'))
        }
        return errorResponse(error, stage)
      }
    },
  }
}

function profileData(kind: 'author' | 'partner', part: Body): Body {
  if (kind === 'author') {
    return {
      name: str(part.name),
      mobile: str(part.mobile),
      address: str(part.address),
      postcode: str(part.postcode),
      informationSource: str(part.informationSource) || undefined,
    }
  }
  return {
    outletName: str(part.outletName),
    address: str(part.address) || undefined,
    contactName: str(part.contactName),
    landline: str(part.landline) || undefined,
    mobile: str(part.mobile),
    modes: Array.isArray(part.modes) ? part.modes : [],
    otherMode: str(part.otherMode) || undefined,
    embedDomains: Array.isArray(part.embedDomains) ? part.embedDomains.map(str) : [],
  }
}

/**
 * Runs `work` in one database transaction: the adapter's (SQLite with
 * `transactionOptions`, a MongoDB replica set), so a refusal at any step
 * leaves nothing behind. A standalone mongod has none: run a replica set.
 */
export async function unitOfWork<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const inTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (inTransaction) {
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (inTransaction) {
      await killTransaction(req)
    }
    throw error
  }
}
