import type { AfterErrorHook } from 'payload'

interface Problem {
  field: string
  code: string
  message: string
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Problem).code === 'string' &&
  typeof (value as Problem).message === 'string'

/**
 * A refusal thrown from a hook carries the house's error body in its
 * `data` (`{errors: [{field, code, message}]}`). Payload's formatter would
 * wrap it as `{errors: [{name, data, message}]}` — or, where Next's bundle
 * holds a second copy of Payload's error classes, drop it to the message —
 * so the body depended on which server answered. Both answer the one body.
 */
export const answerProblems: AfterErrorHook = ({ error, result }) => {
  const problems = (error as { data?: { errors?: unknown } }).data?.errors
  if (!Array.isArray(problems) || problems.length === 0 || !problems.every(isProblem)) {
    return
  }
  return { response: { ...result, errors: problems } }
}
