import type { EntryAction, EntryState, Label, Role } from '@exemplar/domain'
import type { CollectionSlug, PayloadRequest } from 'payload'

/** What a transition did, for `onTransition` (inside its transaction) and the notification. */
export interface TransitionRecord {
  entryId: number | string
  from: EntryState
  to: EntryState
  action: EntryAction
  actorId: number | string | null
  role: Role | null
  at: string
  reason: { code: string; label: string; text: string } | null
}

export interface WorkflowPluginOptions {
  /** The entries collection (default `entries`). */
  entries?: CollectionSlug
  /** The campaigns collection (default `campaigns`), whose `phases` bind actions to the timeline. */
  campaigns?: CollectionSlug
  /** The users collection the history's actor points at (default `users`). */
  users?: CollectionSlug
  /** The history field's admin labels and components (e.g. a row label), from the host. */
  historyAdmin?: {
    labels?: { singular: Label; plural: Label }
    components?: Record<string, unknown>
  }
  /** The reasons collection this plugin adds (default `workflow-reasons`). */
  reasons?: string
  /** Field names on the entries collection. */
  fields?: {
    status?: string
    history?: string
    submitter?: string
    campaign?: string
    title?: string
    number?: string
    /** The track an entry belongs to (the screening desk counts per track). */
    track?: string
    /** The screening flags another plugin may add (submissions' `screeningFlags`). */
    flags?: string
    /** The attachments array and its upload field, whose stored files the pin hashes. */
    attachments?: string
    attachmentFile?: string
    /** The pin this plugin adds when screening starts. */
    pin?: string
  }
  /** The upload collection attachments point at (default `media`). */
  media?: CollectionSlug
  /**
   * Fields left out of the pinned content: what the workflow, voting and
   * review keep changing after screening starts (default: status, history,
   * the pin, tally, reviewers, scores, award, timestamps).
   */
  pinExclude?: string[]
  /** The campaigns' phases array field (default `phases`: `{kind, startsAt, endsAt}` rows). */
  phasesField?: string
  /** Editors act on entries; everybody else only on their own. */
  isEditor: (user: unknown) => boolean
  /** The actor's role for the history row (default: the user's `role` field). */
  roleOf?: (user: unknown) => Role | undefined
  /** The jobs queue notifications run on (default `workflow`); the plugin adds a runner for it. */
  jobsQueue?: string
  /** Where 我的作品 lives, for the link in a notification (default `SITE_PUBLIC_URL`). */
  siteUrl?: string
  /** Largest bulk request (default 500 entries). */
  maxBulk?: number
  /** Called inside the transition's transaction after its write; throwing undoes the transition. */
  onTransition?: (record: TransitionRecord, req: PayloadRequest) => Promise<void> | void
  disabled?: boolean
}

export interface ResolvedWorkflowOptions {
  entries: CollectionSlug
  campaigns: CollectionSlug
  users: CollectionSlug
  historyAdmin: NonNullable<WorkflowPluginOptions['historyAdmin']>
  reasons: CollectionSlug
  fields: Required<NonNullable<WorkflowPluginOptions['fields']>>
  media: CollectionSlug
  pinExclude: string[]
  phasesField: string
  isEditor: (user: unknown) => boolean
  roleOf: (user: unknown) => Role | undefined
  jobsQueue: string
  siteUrl: string
  maxBulk: number
  onTransition?: WorkflowPluginOptions['onTransition']
}
