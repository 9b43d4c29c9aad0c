import type { CollectionSlug } from 'payload'

import type { Notifier } from './notify'

/** Options of `submissionsPlugin`. */
export interface SubmissionsPluginOptions {
  /**
   * Keep the plugin's collections and fields (so the schema never changes
   * under the data) but register no endpoints.
   */
  disabled?: boolean
  /** The entries collection (campaign, track, theme, sections, attachments, status, …). */
  entries?: CollectionSlug
  /** The campaigns collection: tracks with their requirements, phases with the submission window. */
  campaigns?: CollectionSlug
  /** The upload collection entry attachments point at. */
  media?: CollectionSlug
  /** Who screens entries and edits the screening word list. */
  isEditor: (user: unknown) => boolean
  /** Entry states in which an entry is on public display: their files become readable by anyone. */
  publicStates?: readonly string[]
  /** Phase kind of the campaign timeline that is the submission window (default `submission`). */
  submissionPhase?: string
  /** Largest file taken by the plain (non-resumable) upload; bigger files go through tus. Default 30 MB. */
  maxPlainUploadBytes?: number
  /** Largest file taken by the resumable upload when the track names no limit. Default 2 GB. */
  maxResumableBytes?: number
  /** Unfinished resumable uploads one user may have at once. Default 3. */
  resumablePerUser?: number
  /** An unfinished resumable upload is deleted after this long. Default 24 h. */
  resumableExpiryMs?: number
  /** Public origin of the site, for links in confirmations. Default `SITE_PUBLIC_URL` or http://localhost:4321. */
  siteUrl?: string
  /** Sends a text message: the host's one SMS sender (an outbox, or a provider). */
  sendSms: (to: string, text: string) => Promise<void>
  /** Sends the confirmation; default: email through `payload.sendEmail` and an SMS through `sendSms`. */
  notifier?: Notifier
}

export interface ResolvedSubmissionsOptions {
  entries: CollectionSlug
  campaigns: CollectionSlug
  media: CollectionSlug
  isEditor: (user: unknown) => boolean
  publicStates: readonly string[]
  submissionPhase: string
  maxPlainUploadBytes: number
  maxResumableBytes: number
  resumablePerUser: number
  resumableExpiryMs: number
  siteUrl: string
  notifier: Notifier | undefined
  sendSms: (to: string, text: string) => Promise<void>
}
