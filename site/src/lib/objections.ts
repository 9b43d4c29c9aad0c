/**
 * The objection form of a results page in publicity: which entries it
 * names, what it checks before sending and what each answer of
 * POST /api/objections/raise means for the reader. Pure, so tests need no
 * browser.
 */
import {
  OBJECTION_EVIDENCE_BYTES_MAX,
  OBJECTION_EVIDENCE_MAX,
  OBJECTION_EVIDENCE_MIME_TYPES,
  OBJECTION_TEXT_MAX,
  type ResultsBody,
} from '@exemplar/domain'

import type { Locale } from '../i18n'
import { tr } from '../i18n/results'
import type { JsonReply } from './http'

export interface ObjectableRow {
  entryId: string | number
  number: string
  title: string
}

/** The entries the publicity lists: every row that holds a tier and is not revoked, track by track. */
export function objectableRows(body: ResultsBody): ObjectableRow[] {
  return body.tracks.flatMap((track) =>
    track.rows
      .filter((row) => row.tier !== null && !row.revoked)
      .map(({ entryId, number, title }) => ({ entryId, number, title })),
  )
}

/** What is wrong with the text before it is sent (the server says the same), or null. */
export function objectionTextProblem(text: string, locale: Locale): string | null {
  const trimmed = text.trim()
  if (trimmed === '') {
    return tr(locale, 'objection.required')
  }
  if (trimmed.length > OBJECTION_TEXT_MAX) {
    return tr(locale, 'objection.tooLong', { max: OBJECTION_TEXT_MAX, n: trimmed.length })
  }
  return null
}

/** What is wrong with the chosen evidence files before any is uploaded (the server checks again), or null. */
export function evidenceProblem(
  files: readonly { name: string; size: number; type: string }[],
  locale: Locale,
): string | null {
  if (files.length > OBJECTION_EVIDENCE_MAX) {
    return tr(locale, 'objection.evidenceTooMany', { max: OBJECTION_EVIDENCE_MAX, n: files.length })
  }
  for (const file of files) {
    if (!(OBJECTION_EVIDENCE_MIME_TYPES as readonly string[]).includes(file.type)) {
      return tr(locale, 'objection.evidenceType', { name: file.name })
    }
    if (file.size > OBJECTION_EVIDENCE_BYTES_MAX) {
      return tr(locale, 'objection.evidenceTooLarge', {
        name: file.name,
        mb: OBJECTION_EVIDENCE_BYTES_MAX / 1024 / 1024,
      })
    }
  }
  return null
}

export type ObjectionOutcome =
  | { kind: 'raised'; message: string }
  | { kind: 'signIn'; message: string }
  | { kind: 'refused'; message: string; field?: string }

/**
 * What an answer of the raise route means: raised, sign in (or verify by a
 * code) first, or the server's own reason. `byCode`: it was sent under an
 * address proved by a one-time code, where the decision will go.
 */
export function objectionOutcome(
  reply: JsonReply,
  locale: Locale,
  { byCode = false } = {},
): ObjectionOutcome {
  if (reply.ok) {
    const id = (reply.data as { objection?: { id?: unknown } } | undefined)?.objection?.id
    const key = byCode ? 'objection.raisedByCode' : 'objection.raised'
    return { kind: 'raised', message: tr(locale, key, { id: String(id ?? '') }) }
  }
  // Sent under a code, a 401 says what is wrong with the proof: the server's words, not "sign in".
  if (reply.status === 401 && !byCode) {
    return { kind: 'signIn', message: tr(locale, 'objection.signInFirst') }
  }
  const problem = reply.errors[0]
  return {
    kind: 'refused',
    message: problem?.message || tr(locale, 'objection.failed', { status: reply.status }),
    ...(problem?.field ? { field: problem.field } : {}),
  }
}
