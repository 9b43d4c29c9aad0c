import type { Endpoint } from 'payload'
import { NotFound, UnauthorizedError } from 'payload'

/**
 * `DELETE /api/payload-preferences/:key`, replacing Payload's handler, whose
 * SQLite query names a join it never made (SQLITE_ERROR, a 500): the
 * caller's own preference is found with the same condition as Payload's own
 * read, then removed by id.
 */
export const deleteOwnPreference: Endpoint = {
  method: 'delete',
  path: '/:key',
  handler: async (req) => {
    if (!req.user) {
      throw new UnauthorizedError(req.t)
    }
    const key = String(req.routeParams?.key ?? '')
    const found = await req.payload.db.findOne({
      collection: 'payload-preferences',
      req,
      where: {
        and: [
          { key: { equals: key } },
          { 'user.value': { equals: req.user.id } },
          { 'user.relationTo': { equals: req.user.collection } },
        ],
      },
    })
    if (!found) {
      throw new NotFound(req.t)
    }
    await req.payload.db.deleteOne({
      collection: 'payload-preferences',
      req,
      where: { id: { equals: found.id } },
    })
    return Response.json({ message: 'ok', doc: found })
  },
}
