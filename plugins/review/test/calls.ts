import { createLocalReq, type PayloadHandler, type PayloadRequest } from 'payload'

import { reviewEndpoints } from '../src/endpoints'
import type { Host } from './host'

export type Doc = Record<string, unknown> & { id: number }

/**
 * How the tests reach the host: documents made through the Local API, and
 * the plugin's routes called through their handlers with a real request as
 * a given member, matched by method and path as Payload matches them.
 */
export function callsOn(host: Host) {
  const create = async (collection: string, data: Record<string, unknown>): Promise<Doc> =>
    (await host.payload.create({
      collection: collection as never,
      data: data as never,
    })) as unknown as Doc

  const call = async (
    user: Doc,
    method: string,
    path: string,
    body?: unknown,
    query: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; response: Response }> => {
    for (const endpoint of reviewEndpoints) {
      const pattern = new RegExp(`^${endpoint.path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`)
      const match = pattern.exec(path)
      if (endpoint.method === method && match) {
        const req: PayloadRequest = await createLocalReq(
          { user: { ...user, collection: 'members' } as never },
          host.payload,
        )
        req.routeParams = { ...match.groups }
        req.query = query
        req.json = async () => body
        req.payloadAPI = 'REST'
        const response = await (endpoint.handler as PayloadHandler)(req)
        const type = response.headers.get('content-type') ?? ''
        const parsed = type.includes('json')
          ? ((await response.clone().json()) as Record<string, unknown>)
          : {}
        return { status: response.status, body: parsed, response }
      }
    }
    throw new Error(`no route ${method} ${path}`)
  }

  const rowsOf = async (where: Record<string, unknown> = {}) =>
    (
      await host.payload.find({
        collection: 'scorecards' as never,
        where: where as never,
        pagination: false,
        depth: 0,
      })
    ).docs as unknown as Doc[]

  return { create, call, rowsOf }
}

export type Calls = ReturnType<typeof callsOn>
