import type { Endpoint } from 'payload'

import { errorResponse, json, readBody, refuse } from '../lib/errors'
import { hashToken } from '../lib/registrationMail'
import type { ResolvedParticipantsOptions } from '../types'

/** `POST /api/participants/confirm {"token"}`: the mailed link opens the account for sign-in. */
export function confirmEndpoint(options: ResolvedParticipantsOptions): Endpoint {
  return {
    method: 'post',
    path: '/participants/confirm',
    handler: async (req) => {
      try {
        const body = await readBody(req)
        const token = typeof body.token === 'string' ? body.token : ''
        if (!/^[a-f0-9]{64}$/.test(token)) {
          throw refuse(400, 'token', 'token.invalid', '确认链接无效：请使用注册邮件中的完整链接')
        }
        const { docs } = await req.payload.find({
          collection: options.users,
          where: {
            and: [
              { confirmationTokenHash: { equals: hashToken(token) } },
              { awaitingConfirmation: { equals: true } },
            ],
          },
          depth: 0,
          limit: 1,
          pagination: false,
          overrideAccess: true,
          showHiddenFields: true,
          req,
        })
        const user = docs[0] as
          { id: number | string; email?: string; confirmationExpiresAt?: string } | undefined
        if (!user || Date.parse(String(user.confirmationExpiresAt)) < Date.now()) {
          throw refuse(
            400,
            'token',
            'token.expired',
            '确认链接已失效：请重新注册，我们会再发一封确认邮件',
          )
        }
        await req.payload.update({
          collection: options.users,
          id: user.id,
          data: {
            awaitingConfirmation: false,
            confirmationTokenHash: null,
            confirmationExpiresAt: null,
          } as never,
          overrideAccess: true,
          depth: 0,
          req,
        })
        return json({ confirmed: true, email: user.email })
      } catch (error) {
        return errorResponse(error)
      }
    },
  }
}
