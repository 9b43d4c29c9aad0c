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
  /**
   * Lets a reader without an account object under the address they proved
   * by a one-time code (Exemplar: the voting plugin's code, through
   * `verifiedVoterContact`): the address named in the body, if this
   * request carries proof of it. Without it, only accounts object.
   */
  verifiedContact?: (req: PayloadRequest, claimed: string) => Promise<VerifiedContact | null>
  /** Tells an objector who proved a mobile number of the decision (without it, they are not told). */
  sendSms?: (to: string, text: string) => Promise<void>
  /** Add the collection, but no routes. */
  disabled?: boolean
}

export interface VerifiedContact {
  channel: 'email' | 'sms'
  /** The canonical address, kept on the objection so the decision reaches them. */
  address: string
  /** What editors see: `re***@example.org`, `138****5678`. */
  masked: string
}

/** Who raises an objection: a signed-in account, or a reader known by a verified address. */
export type Objector = { kind: 'account'; id: Id } | ({ kind: 'contact' } & VerifiedContact)

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
  verifiedContact: ObjectionsPluginOptions['verifiedContact'] | null
  sendSms: ObjectionsPluginOptions['sendSms'] | null
}
