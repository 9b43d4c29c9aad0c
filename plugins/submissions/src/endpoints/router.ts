import type { Payload } from 'payload'

import {
  errorOutput,
  submissionsService,
  type SubmissionsInput,
  type SubmissionsOutput,
} from '../service'
import type { ResolvedSubmissionsOptions } from '../types'
import { refuse, SubmissionError } from '../lib/errors'
import { inTurn } from '../lib/inTurn'

type Route = [method: string, pattern: RegExp, run: Action]
type Action = (
  s: ReturnType<typeof submissionsService>,
  input: SubmissionsInput,
  params: string[],
) => Promise<SubmissionsOutput>

/** The JSON object a write carries; anything else is a 400 (and an oversized body a 413). */
async function body(input: SubmissionsInput): Promise<Record<string, unknown>> {
  let value: unknown
  try {
    value = await input.json()
  } catch (err) {
    if (err instanceof SubmissionError) {
      throw err
    }
    throw refuse(400, '', 'body.invalid', '请求体须为 JSON')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw refuse(400, '', 'body.notObject', '请求体须为 JSON 对象（字段名: 值）')
  }
  return value as Record<string, unknown>
}

/** A path part as sent; a malformed escape names no entry. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return '\u0000'
  }
}

const ROUTES: Route[] = [
  ['POST', /^\/drafts$/, async (s, i) => s.createDraft(i.user, await body(i))],
  // One entry's save, submit and withdrawal run one after another: a save landing between the
  // submit's rule check and its status write would otherwise slip unchecked content through.
  [
    'PATCH',
    /^\/drafts\/([^/]+)$/,
    async (s, i, [id]) => {
      const data = await body(i)
      return inTurn(`entry:${id}`, () => s.saveDraft(i.user, id!, data))
    },
  ],
  ['GET', /^\/entries\/([^/]+)$/, async (s, i, [id]) => s.getEntry(i.user, id!)],
  ['POST', /^\/entries$/, async (s, i) => s.createAndSubmit(i.user, await body(i))],
  [
    'POST',
    /^\/entries\/([^/]+)\/submit$/,
    (s, i, [id]) => inTurn(`entry:${id}`, () => s.submit(i.user, id!)),
  ],
  [
    'POST',
    /^\/entries\/([^/]+)\/withdraw$/,
    (s, i, [id]) => inTurn(`entry:${id}`, () => s.withdraw(i.user, id!)),
  ],
  ['GET', /^\/mine$/, async (s, i) => s.mine(i.user)],
  ['POST', /^\/uploads$/, async (s, i) => s.upload(i)],
  [
    'POST',
    /^\/uploads\/complete$/,
    async (s, i) => {
      const { completeResumable } = await import('../server/tus')
      return completeResumable(s, i.user, await body(i))
    },
  ],
]

/** Route patterns (Payload's syntax) the Next path registers; the bare server answers the same. */
export const ENDPOINT_PATHS: [method: 'get' | 'post' | 'patch', path: string][] = [
  ['post', '/drafts'],
  ['patch', '/drafts/:id'],
  ['get', '/entries/:id'],
  ['post', '/entries'],
  ['post', '/entries/:id/submit'],
  ['post', '/entries/:id/withdraw'],
  ['get', '/mine'],
  ['post', '/uploads'],
  ['post', '/uploads/complete'],
]

/** Answers one request under /api/submissions (`path` is the part after it). */
export async function dispatch(
  payload: Payload,
  options: ResolvedSubmissionsOptions,
  path: string,
  input: SubmissionsInput,
): Promise<SubmissionsOutput> {
  const service = submissionsService(payload, options)
  for (const [method, pattern, run] of ROUTES) {
    const m = pattern.exec(path)
    if (m && method === input.method.toUpperCase()) {
      try {
        return await run(service, input, m.slice(1).map(decodePart))
      } catch (err) {
        return errorOutput(err, { payload })
      }
    }
  }
  return {
    status: 404,
    body: {
      errors: [{ field: '', code: 'notFound', message: `没有这个接口：${input.method} ${path}` }],
    },
  }
}
