import type { StoredFacts } from './service/types'

/**
 * The `req.context` keys the plugin passes to hooks, declared once so every
 * writer and reader is type-checked (Payload's `RequestContext` is open).
 */
declare module 'payload' {
  interface RequestContext {
    /** The plugin already checked the entry's rules and window: its own hooks skip them. */
    submissionsChecked?: boolean
    /** The plugin already counted this upload against the owner's stored-bytes quota. */
    submissionsQuotaChecked?: boolean
    /** A write the plugin makes to keep media in step with an entry: the submitter guard lets it through. */
    submissionsSync?: boolean
    /** What the inspection found in an uploaded file, recorded on its media document. */
    submissionFacts?: StoredFacts | null
    /** Why an entry's status changed, for the history row the workflow plugin's hook writes (提交人撤回). */
    statusReason?: string | null
  }
}
