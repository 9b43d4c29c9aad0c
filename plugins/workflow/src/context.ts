import type { EntryAction } from '@exemplar/domain'

/**
 * What the workflow reads from a write's `req.context`, declared once for
 * every package: the action a status change is (set by the workflow's own
 * service, and by the submission form for submit, resubmit and withdraw),
 * and its reason.
 */
declare module 'payload' {
  interface RequestContext {
    workflowAction?: EntryAction
    workflowReason?: { code: string; label: string; text: string } | null
    /** Why the status changed, as free text (the submission form's 提交人撤回); the same key the submissions plugin declares. */
    statusReason?: string | null
  }
}

export {}
