import { ENTRY_ACTION_LABELS, FIELD_LIMITS, type Transition } from '@exemplar/domain'
import type { Problem } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

export interface ReasonInput {
  code?: unknown
  text?: unknown
}

export type ChosenReason = { code: string; label: string; text: string } | null

/** The longest explanation an editor writes with a transition. */
export const REASON_TEXT_MAX = FIELD_LIMITS.reasonText

/**
 * The reason a transition carries: for returning, rejecting, disqualifying
 * and revoking a code from the editable list (active, offered for this
 * action) and a text; for the others an optional text. The label is read
 * now and copied into the history row.
 */
export async function chooseReason(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  t: Transition,
  input: ReasonInput | undefined,
): Promise<ChosenReason | Problem> {
  const name = ENTRY_ACTION_LABELS[t.action].zh
  const rawText = input?.text
  if (rawText !== undefined && rawText !== null && typeof rawText !== 'string') {
    return { field: 'reason.text', code: 'wrongType', message: '说明须为文字' }
  }
  if (typeof rawText === 'string' && rawText.length > REASON_TEXT_MAX) {
    return {
      field: 'reason.text',
      code: 'tooLong',
      message: `说明不能超过 ${REASON_TEXT_MAX} 字`,
      limit: REASON_TEXT_MAX,
    }
  }
  const text = (rawText ?? '').trim()
  const code = input?.code
  if (!t.needsReason && (code === undefined || code === null || code === '')) {
    return text ? { code: '', label: '', text } : null
  }
  if (typeof code !== 'string' || code === '' || code.length > 40) {
    return { field: 'reason.code', code: 'required', message: `“${name}”须选择原因` }
  }
  const { docs } = await req.payload.find({
    collection: options.reasons,
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const reason = docs[0] as { label?: string; actions?: string[]; active?: boolean } | undefined
  if (!reason || reason.active === false || !reason.actions?.includes(t.action)) {
    return { field: 'reason.code', code: 'invalid', message: `原因“${code}”不适用于“${name}”` }
  }
  if (t.needsReason && !text) {
    return {
      field: 'reason.text',
      code: 'required',
      message: `“${name}”须填写说明（不超过 ${REASON_TEXT_MAX} 字），提交人会看到它`,
    }
  }
  return { code, label: reason.label ?? code, text }
}
