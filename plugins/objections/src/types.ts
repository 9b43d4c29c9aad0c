import type { CollectionSlug, PayloadRequest } from 'payload'

export type Id = string | number

export interface ObjectionsPluginOptions {
  /** The collection this plugin adds (default `objections`). */
  slug?: string
  entries?: string
  campaigns?: string
  users?: string
  /** Field names on the host's collections, where they differ from Exemplar's. */
  fields?: Partial<ObjectionsFields>
  /** The host's upload collection evidence files live in (Exemplar: `media`); without it, no evidence. */
  media?: string
  /** The entry states an objection may name (default: those the publicity lists, and awards). */
  objectableStates?: readonly string[]
  /**
   * Revokes an entry whose objection was upheld, in the caller's
   * transaction (Exemplar: the workflow's `revoke` transition, so the
   * history, the notification and the certificates follow). Throws a
   * Refusal when it cannot.
   */
  revokeEntry: (
    req: PayloadRequest,
    entryId: Id,
    reason: { code: string; text: string },
  ) => Promise<void>
  /** Freezes the campaign's results again with the reason (Exemplar: the results plugin); the snapshot's id. */
  refreeze: (req: PayloadRequest, campaignId: Id, reason: string) => Promise<Id | null>
  /** The reason code an upheld objection revokes with (default `fraud`). */
  revokeReasonCode?: string
  isEditor: (user: unknown) => boolean
  /** Add the collection, but no routes. */
  disabled?: boolean
}

export interface ObjectionsFields {
  /** Entries. */
  status: string
  campaign: string
  title: string
  number: string
  /** Campaigns: the timeline, rows of `{kind, startsAt, endsAt}`. */
  phases: string
  /** Users. */
  email: string
  /** Media: the account that uploaded a file. */
  owner: string
}

export interface ResolvedObjectionsOptions {
  slug: CollectionSlug
  entries: CollectionSlug
  campaigns: CollectionSlug
  users: CollectionSlug
  media: CollectionSlug | null
  fields: ObjectionsFields
  objectableStates: readonly string[]
  revokeEntry: ObjectionsPluginOptions['revokeEntry']
  refreeze: ObjectionsPluginOptions['refreeze']
  revokeReasonCode: string
  isEditor: (user: unknown) => boolean
}
