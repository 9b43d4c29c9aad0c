import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type Payload } from 'payload'

/** JSON replies are checked by matchers at run time, not by the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>

export interface Reply {
  status: number
  body: Json
}

export interface GraphqlReply {
  status: number
  data: Json | null
  errors: { message: string; extensions?: { statusCode?: number; name?: string } }[]
}

export interface ApiClient {
  /** Payload's REST API, through its real route handler (no Next server). */
  rest: (
    method: string,
    route: string,
    options?: { token?: string; body?: unknown; form?: FormData; headers?: Record<string, string> },
  ) => Promise<Reply>
  /** Payload's GraphQL endpoint, through the same handler Next mounts at /api/graphql. */
  graphql: (query: string, variables?: Json, token?: string) => Promise<GraphqlReply>
}

function headersFor(token?: string): Headers {
  const headers = new Headers()
  if (token) {
    headers.set('authorization', `JWT ${token}`)
  }
  return headers
}

export function apiClient(payload: Payload, payloadInstanceCacheKey: string): ApiClient {
  const graphqlHandler = GRAPHQL_POST(Promise.resolve(payload.config))
  return {
    rest: async (method, route, options = {}) => {
      const headers = headersFor(options.token)
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        headers.set(name, value)
      }
      let body: BodyInit | undefined
      if (options.form) {
        body = options.form
      } else if (options.body !== undefined) {
        headers.set('content-type', 'application/json')
        body = JSON.stringify(options.body)
      }
      const response = await handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey,
        request: new Request(`http://localhost:3000/api${route}`, { method, headers, body }),
      })
      const text = await response.text()
      let parsed: Json
      try {
        parsed = text ? (JSON.parse(text) as Json) : {}
      } catch {
        parsed = { text }
      }
      return { status: response.status, body: parsed }
    },
    graphql: async (query, variables = {}, token) => {
      const headers = headersFor(token)
      headers.set('content-type', 'application/json')
      const response = await graphqlHandler(
        new Request('http://localhost:3000/api/graphql', {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
        }),
      )
      const body = (await response.json()) as {
        data?: Json | null
        errors?: GraphqlReply['errors']
      }
      return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] }
    },
  }
}

/** Whether a GraphQL answer refused for lack of access (Payload's Forbidden), not for bad data. */
export function graphqlForbidden(reply: GraphqlReply): boolean {
  return reply.errors.some(
    (e) =>
      e.extensions?.statusCode === 403 ||
      e.extensions?.statusCode === 401 ||
      e.extensions?.name === 'Forbidden' ||
      e.extensions?.name === 'UnauthorizedError',
  )
}
