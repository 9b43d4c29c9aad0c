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
  /** The auth collection that owns media and upload sessions. Default `users`. */
  users?: CollectionSlug
  /** The plugin's own collection of uploads being received (quotas across processes). Default `upload-sessions`. */
  uploadSessions?: CollectionSlug
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
  /**
   * An unfinished (or finished but never completed) resumable upload that received no byte
   * for this long is deleted with its file by the sweep. Default 24 h.
   */
  resumableExpiryMs?: number
  /**
   * Bytes one user may have in flight at once: the declared lengths of their unfinished
   * resumable uploads plus the plain uploads being received. Default 4 GB (two 2 GB videos).
   */
  maxInFlightBytesPerUser?: number
  /**
   * Bytes of files one user may keep: the media they own plus what they have in flight.
   * Default 10 GB (five 2 GB videos; orphans are swept, so this is attached work).
   */
  maxStoredBytesPerUser?: number
  /** A participant's upload that nothing refers to is deleted this long after it was made. Default 24 h. */
  orphanGraceMs?: number
  /** When the sweep of orphans and idle uploads is queued (cron, server time). Default hourly. */
  sweepCron?: string
  /** Jobs queue the sweep runs on; the plugin adds an `autoRun` entry for it. Default `submissions`. */
  jobsQueue?: string
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
  users: CollectionSlug
  uploadSessions: CollectionSlug
  isEditor: (user: unknown) => boolean
  publicStates: readonly string[]
  submissionPhase: string
  maxPlainUploadBytes: number
  maxResumableBytes: number
  resumablePerUser: number
  resumableExpiryMs: number
  maxInFlightBytesPerUser: number
  maxStoredBytesPerUser: number
  orphanGraceMs: number
  sweepCron: string
  jobsQueue: string
  siteUrl: string
  notifier: Notifier | undefined
  sendSms: (to: string, text: string) => Promise<void>
}
