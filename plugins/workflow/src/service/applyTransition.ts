import { checkTransition, isEntryState, isRefusal, type EntryAction } from '@exemplar/domain'
import type { Problem } from '@exemplar/http'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { NOTIFY_TASK } from '../jobs/notifyTask'
import type { ResolvedWorkflowOptions, TransitionRecord } from '../types'
import {
  campaignPhases,
  entryNotFound,
  refId,
  storedEntry,
  userIdOf,
  type EntryDoc,
} from './lookups'
import { pinEntry } from './pinEntry'
import { chooseReason, type ReasonInput } from './reasons'

export type Outcome =
  | {
      ok: true
      status: 200
      record: TransitionRecord
      entry: { id: number | string; status: string; number?: string | null }
    }
  | { ok: false; status: number; problem: Problem }

const refused = (status: number, problem: Problem): Outcome => ({ ok: false, status, problem })

/**
 * Applies one action to one entry: the table's check (role, state, phase),
 * the reason, then the status write — whose hook appends the history row —
 * the host's `onTransition` and the submitter's notification job, all in one
 * transaction: a failure anywhere leaves the entry as it was, with no row
 * and no mail queued. The mail itself is sent later by the jobs queue, so a
 * failing SMTP server never blocks or reverts the transition.
 */
export async function applyTransition(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  id: number | string,
  action: unknown,
  reasonInput: ReasonInput | undefined,
): Promise<Outcome> {
  const { fields } = options
  const entry = await storedEntry(req, options, id, [
    fields.status,
    fields.submitter,
    fields.campaign,
    fields.number,
  ])
  if (!entry) {
    return refused(404, entryNotFound(id))
  }
  const from = entry[fields.status]
  if (!isEntryState(from)) {
    return refused(409, {
      code: 'unknownState',
      message: `作品的状态“${String(from)}”不在流转表中`,
    })
  }
  const phases = await campaignPhases(req, options, entry[fields.campaign])
  const userId = userIdOf(req)
  const check = checkTransition({
    action,
    from,
    role: options.roleOf(req.user),
    isSubmitter: userId !== undefined && userId === refId(entry[fields.submitter]),
    phases,
  })
  if (isRefusal(check)) {
    return refused(check.status, { field: 'action', code: check.code, message: check.message })
  }
  const reason = await chooseReason(req, options, check, reasonInput)
  if (reason && 'message' in reason) {
    return refused(400, reason)
  }
  const started = await initTransaction(req)
  try {
    // The table has decided who may do this; the collection's own update
    // access (a submitter edits only a draft) is not the rule for a transition.
    const updated = (await req.payload.update({
      collection: options.entries,
      id,
      data: { [fields.status]: check.to } as never,
      depth: 0,
      overrideAccess: true,
      context: { workflowAction: check.action as EntryAction, workflowReason: reason },
      req,
    })) as unknown as EntryDoc
    const row = ((updated[fields.history] ?? []) as { at?: string }[]).at(-1)
    const record: TransitionRecord = {
      entryId: updated.id,
      from,
      to: check.to,
      action: check.action,
      actorId: (userId as number | string | undefined) ?? null,
      role: options.roleOf(req.user) ?? null,
      at: row?.at ?? new Date().toISOString(),
      reason,
    }
    // Screening starts: the version reviewers and awards will read is fixed now, with its hashes.
    if (check.to === 'screening') {
      await pinEntry(req, options, updated.id)
    }
    await options.onTransition?.(record, req)
    // The submitter's own moves (withdrawing) are confirmed by the page they made them on.
    if (check.actor === 'editor') {
      await req.payload.jobs.queue({
        task: NOTIFY_TASK as never,
        input: record as never,
        queue: options.jobsQueue,
        req,
      })
    }
    if (started) {
      await commitTransaction(req)
    }
    return {
      ok: true,
      status: 200,
      record,
      entry: {
        id: updated.id,
        status: String(updated[fields.status]),
        number: (updated[fields.number] as string | null | undefined) ?? null,
      },
    }
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}
