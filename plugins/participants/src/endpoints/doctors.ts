import type { CollectionSlug, Endpoint } from 'payload'
import { addDataAndFileToRequest, ValidationError } from 'payload'

import { DOCTOR_PROFILES } from '../collections/DoctorProfiles'
import { errorResponse, json, refuse } from '../lib/errors'

const MAX_ATTEMPTS = 40

/**
 * Whether a failed create lost a race for a slot rather than being refused:
 * the unique (organization, slot) index fired, or SQLite's single writer was
 * busy. Field validation errors name other paths and are not retried.
 */
function lostRace(error: unknown): boolean {
  if (error instanceof ValidationError) {
    return error.data.errors.some((e) => /^(organization|slot)(_id)?$/.test(e.path ?? ''))
  }
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : ''
  return /SQLITE_BUSY|database is locked|WriteConflict|E11000/.test(message)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `POST /api/doctor-profiles`, replacing Payload's create for this
 * collection: the create hook picks the lowest free slot, and when another
 * request took that slot first the create is tried again with the next one,
 * until the institution is full and the hook refuses.
 */
export function createDoctorEndpoint(): Endpoint {
  return {
    method: 'post',
    path: '/',
    handler: async (req) => {
      try {
        // JSON from the site, multipart with a `_payload` field from the admin.
        await addDataAndFileToRequest(req)
        const data = req.data
        if (!data || typeof data !== 'object' || Array.isArray(data)) {
          throw refuse(400, '', 'body.notObject', '请求体须为医者名片的字段（JSON 对象）')
        }
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          try {
            const doc = await req.payload.create({
              collection: DOCTOR_PROFILES as CollectionSlug,
              data: data as never,
              depth: 0,
              overrideAccess: false,
              user: req.user,
            })
            return json({ doc, message: '医者名片已提交，等待审核' }, 201)
          } catch (error) {
            if (!lostRace(error)) {
              throw error
            }
            await pause(2 + Math.random() * 10 * Math.min(attempt + 1, 5))
          }
        }
        throw refuse(409, 'organization', 'busy', '同时提交的人较多，请稍后重试')
      } catch (error) {
        return errorResponse(error)
      }
    },
  }
}
