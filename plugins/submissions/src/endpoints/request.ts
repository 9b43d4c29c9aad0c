import { jsonResponse, readJsonObject } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import { SubmissionError, refuse } from '../lib/errors'
import { errorOutput, submissionsService, type SubmissionsOutput } from '../service'
import type { SubmissionsService } from '../service'
import type { ResolvedSubmissionsOptions } from '../types'

/**
 * What a handler reads of a request: Payload's own (the Next path), or the
 * one the CMS's bare Node server builds for the same handler (`server/`).
 */
export type SubmissionsRequest = Pick<
  PayloadRequest,
  'formData' | 'headers' | 'json' | 'payload' | 'routeParams' | 'user'
>

export type SubmissionsHandler = (req: SubmissionsRequest) => Promise<Response>

/** A Payload endpoint whose handler the bare server can call too. */
export interface SubmissionsEndpoint {
  method: 'delete' | 'get' | 'patch' | 'post'
  path: string
  handler: SubmissionsHandler
}

/** The signed-in caller, as the service takes it. */
export function userOf(req: SubmissionsRequest): unknown {
  return req.user ?? undefined
}

/** The entry id of `/…/:id` routes, decoded. */
export function idParam(req: SubmissionsRequest): string {
  return String(req.routeParams?.id ?? '')
}

/** The JSON object a write carries; anything else is a 400 (and an oversized body a 413). */
export async function bodyOf(req: SubmissionsRequest): Promise<Record<string, unknown>> {
  const body = await readJsonObject(req, { rethrow: (err) => err instanceof SubmissionError })
  if (!body.ok) {
    throw refuse(400, '', body.problem.code, body.problem.message)
  }
  return body.value
}

/**
 * Runs one operation on the plugin's service and answers its output, or a
 * refusal as the contract's error body. The options are the ones the plugin
 * put on the config (`custom.submissions`), so both servers read the same.
 */
export async function answer(
  req: SubmissionsRequest,
  run: (service: SubmissionsService) => Promise<SubmissionsOutput>,
): Promise<Response> {
  const options = req.payload.config.custom?.submissions as ResolvedSubmissionsOptions
  const service = submissionsService(req.payload, options)
  let out: SubmissionsOutput
  try {
    out = await run(service)
  } catch (err) {
    out = errorOutput(err, { payload: req.payload })
  }
  return jsonResponse(out.status, out.body)
}
