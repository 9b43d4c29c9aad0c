/**
 * A server's refusal as the submission form shows it: field errors whatever
 * the answer's shape, the step each belongs to, grouped by field.
 */
import { STEPS, type Step } from './steps'

export interface FieldError {
  field: string
  message: string
  code?: string
  limit?: number | string
}

/** `errors` of a 4xx answer or `problems` of a PATCH, whatever the shape, as field errors. */
export function readErrors(body: unknown): FieldError[] {
  if (!body || typeof body !== 'object') {
    return []
  }
  const record = body as Record<string, unknown>
  const list = Array.isArray(record.errors)
    ? record.errors
    : Array.isArray(record.problems)
      ? record.problems
      : []
  return list.flatMap((item): FieldError[] => {
    if (!item || typeof item !== 'object') {
      return []
    }
    const e = item as Record<string, unknown>
    const message = typeof e.message === 'string' ? e.message : ''
    if (!message) {
      return []
    }
    return [
      {
        // Payload's own validation errors name the field `path`.
        field: typeof e.field === 'string' ? e.field : typeof e.path === 'string' ? e.path : '',
        message,
        ...(typeof e.code === 'string' ? { code: e.code } : {}),
        ...(typeof e.limit === 'number' || typeof e.limit === 'string' ? { limit: e.limit } : {}),
      },
    ]
  })
}

const FIELD_STEPS: [RegExp, Step][] = [
  [/^(campaign|track|theme)(\.|$)/, 'track'],
  [/^(title|abstract|sections|body|authors|copyrightStatement)(\.|$)/, 'content'],
  [/^(attachments|images|files|file|slides|document)(\.|$)/, 'attachments'],
  [
    /^(channel|recommendingUnit|informationSource|declarations|province|city|organization)(\.|$)/,
    'channel',
  ],
]

/** The step whose inputs hold a field; errors about the whole entry (deadline, status) belong to the review. */
export function stepOfField(field: string): Step {
  return FIELD_STEPS.find(([pattern]) => pattern.test(field))?.[1] ?? 'review'
}

/** The earliest step with an error, where a refused submit takes the participant. */
export function firstErrorStep(errors: readonly FieldError[]): Step | undefined {
  const steps = new Set(errors.map((e) => stepOfField(e.field)))
  return STEPS.find((step) => steps.has(step))
}

/** Input ids for dotted field paths, as every form of the site names them (lib/forms). */
export { fieldId as inputIdOf, fieldIdCandidates as inputIdCandidates } from './forms'

/** Errors grouped by field, in the order the server gave them. */
export function errorsByField(errors: readonly FieldError[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>()
  for (const error of errors) {
    grouped.set(error.field, [...(grouped.get(error.field) ?? []), error.message])
  }
  return grouped
}
