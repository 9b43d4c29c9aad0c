import { APIError } from 'payload'

import type { RuleProblem } from '../rules'

/** A refusal with the contract's body `{ errors: [{ field, code, message, limit? }] }`. */
export class SubmissionError extends Error {
  readonly status: number
  readonly errors: RuleProblem[]

  constructor(status: number, errors: RuleProblem[]) {
    super(errors.map((e) => e.message).join('；'))
    this.name = 'SubmissionError'
    this.status = status
    this.errors = errors
  }
}

export function refuse(
  status: number,
  field: string,
  code: string,
  message: string,
  limit?: number | string,
): SubmissionError {
  return new SubmissionError(status, [
    { field, code, message, ...(limit !== undefined ? { limit } : {}) },
  ])
}

/**
 * The same refusal thrown from a collection hook: Payload answers an
 * `APIError` with its status, the message, and `data.errors` (the contract's list).
 */
export function hookRefusal(err: SubmissionError): APIError {
  return new APIError(err.message, err.status, { errors: err.errors }, true)
}
