import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'

import { AUTHOR_PROFILES } from '../collections/AuthorProfiles'
import { MEDIA_PARTNERS } from '../collections/MediaPartners'
import { errorResponse, json, readBody, refuse, ParticipantsError } from '../lib/errors'
import {
  KINDS,
  objectAt,
  precheck,
  profileData,
  str,
  type Body,
  type Kind,
} from '../lib/registrationChecks'
import {
  newConfirmationToken,
  registrationMail,
  sendQuietly,
  spendPasswordHashTime,
} from '../lib/registrationMail'
import type { ResolvedParticipantsOptions } from '../types'

/** What every accepted registration answers, new address or known: nothing tells them apart. */
function received(email: string): Response {
  return json(
    {
      status: 'check-email',
      email,
      message: `我们已向 ${email} 发送邮件，请按邮件中的说明完成注册。如该邮箱已注册过，邮件会告诉您如何登录。`,
    },
    202,
  )
}

/**
 * `POST /api/participants/register`: the account and its profile as one unit
 * of work, in one transaction. The answer is the same whether the address is
 * new or already has an account (`202`); the address learns which by mail —
 * a link to confirm the new account (which signs in only once confirmed), or
 * word that it is registered already.
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
          throw refuse(
            400,
            'kind',
            'kind.invalid',
            '注册类型（kind）须为 institution、author 或 partner',
          )
        }
        const problems = precheck(kind, body)
        if (problems.length > 0) {
          throw new ParticipantsError(400, problems)
        }
        const account = objectAt(body, 'account')
        const email = str(account.email).toLowerCase()
        const existing = await findAccount(req, options, email)
        if (existing && !existing.awaitingConfirmation) {
          await answerKnownAddress(req, options, existing, String(account.password))
          return received(email)
        }
        const confirmation = newConfirmationToken()
        try {
          await unitOfWork(req, async () => {
            // A registration nobody confirmed is replaced by the newest, so a confirmation
            // always opens the account (and password) of the registration whose mail was opened.
            if (existing) {
              await removePendingAccount(req, options, existing.id)
            }
            stage = 'account.'
            await createAccount(req, options, kind, body, email, confirmation.hash, (s) => {
              stage = s
            })
          })
        } catch (error) {
          if (
            stage === 'account.' &&
            error instanceof ValidationError &&
            error.data.errors.some((e) => e.path === 'email')
          ) {
            // Two sign-ups with one address at once: the unique index decided.
            const raced = await findAccount(req, options, email)
            if (raced) {
              await answerKnownAddress(req, options, raced, String(account.password))
              return received(email)
            }
          }
          throw error
        }
        await sendQuietly(
          req,
          email,
          registrationMail('confirm', {
            siteUrl: options.siteUrl,
            token: confirmation.token,
            hours: options.confirmationHours,
          }),
        )
        return received(email)
      } catch (error) {
        return errorResponse(error, stage)
      }
    },
  }
}

interface Account {
  id: number | string
  awaitingConfirmation?: boolean | null
}

async function findAccount(
  req: PayloadRequest,
  options: ResolvedParticipantsOptions,
  email: string,
): Promise<Account | undefined> {
  const { docs } = await req.payload.find({
    collection: options.users,
    where: { email: { equals: email } },
    select: { awaitingConfirmation: true } as never,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs[0] as Account | undefined
}

/**
 * A known, confirmed address is told it is registered. The caller waits as
 * long as a new account would (a password hash), and a registration racing
 * an unconfirmed one gets the same answer.
 */
async function answerKnownAddress(
  req: PayloadRequest,
  options: ResolvedParticipantsOptions,
  account: Account,
  password: string,
): Promise<void> {
  await spendPasswordHashTime(password)
  const user = (await req.payload.findByID({
    collection: options.users,
    id: account.id,
    depth: 0,
    overrideAccess: true,
    req,
  })) as { email?: string }
  await sendQuietly(
    req,
    String(user.email),
    registrationMail('registered', { siteUrl: options.siteUrl, hours: options.confirmationHours }),
  )
}

/** An unconfirmed account and what registration made with it; it never signed in, so nothing else. */
async function removePendingAccount(
  req: PayloadRequest,
  options: ResolvedParticipantsOptions,
  id: number | string,
): Promise<void> {
  for (const collection of [options.organizations, AUTHOR_PROFILES, MEDIA_PARTNERS]) {
    await req.payload.delete({
      collection: collection as CollectionSlug,
      where: { owner: { equals: id } },
      overrideAccess: true,
      req,
    })
  }
  await req.payload.delete({ collection: options.users, id, overrideAccess: true, req })
}

const confirmationData = (options: ResolvedParticipantsOptions, hash: string) => ({
  awaitingConfirmation: true,
  confirmationTokenHash: hash,
  confirmationExpiresAt: new Date(Date.now() + options.confirmationHours * 3_600_000).toISOString(),
})

/** The account and its profile; `onStage` names the part of the request a refusal belongs to. */
async function createAccount(
  req: PayloadRequest,
  options: ResolvedParticipantsOptions,
  kind: Kind,
  body: Body,
  email: string,
  tokenHash: string,
  onStage: (stage: string) => void,
): Promise<void> {
  const account = objectAt(body, 'account')
  const acceptedAt = new Date().toISOString()
  // Signing up is how an account comes to exist; the checks above are its gate.
  const user = await req.payload.create({
    collection: options.users,
    data: {
      email,
      password: String(account.password),
      name: str(account.name),
      phone: str(account.phone) || undefined,
      role: kind === 'partner' ? 'partner' : 'participant',
      ...confirmationData(options, tokenHash),
    } as never,
    overrideAccess: true,
    depth: 0,
    req,
  })
  if (kind === 'institution') {
    onStage('institution.')
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
    onStage('account.')
    await req.payload.update({
      collection: options.users,
      id: user.id,
      data: { organization: org.id } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
    return
  }
  const part = kind === 'author' ? 'author' : 'partner'
  const collection = (kind === 'author' ? AUTHOR_PROFILES : MEDIA_PARTNERS) as CollectionSlug
  onStage(`${part}.`)
  await req.payload.create({
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
