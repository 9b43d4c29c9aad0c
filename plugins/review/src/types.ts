import type { Label } from '@exemplar/domain'
import type { CollectionSlug } from 'payload'

export interface ReviewPluginOptions {
  /** The entries collection (default `entries`). */
  entries?: CollectionSlug
  /** The campaigns collection (default `campaigns`): tracks with rubrics, phases, and the `review` group this plugin adds. */
  campaigns?: CollectionSlug
  /** The users collection reviewers are (default `users`). */
  users?: CollectionSlug
  /** The institutions collection (default `organizations`), which gets a `parent` (所属医共体) field. */
  organizations?: CollectionSlug
  /** The upload collection attachments point at (default `media`). */
  media?: CollectionSlug
  /** Slugs of the collections this plugin adds. */
  slugs?: { pools?: string; reviews?: string; conflicts?: string; reminders?: string }
  /** Field names on the host's collections. */
  fields?: {
    /** Entries: */
    campaign?: string
    track?: string
    status?: string
    title?: string
    number?: string
    abstract?: string
    sections?: string
    attachments?: string
    attachmentFile?: string
    attachmentCaption?: string
    submitter?: string
    organization?: string
    province?: string
    authors?: string
    /** The workflow's pin (`{versionId}`), whose version reviewers read. */
    pin?: string
    /** Added by this plugin: who is assigned now, and the raw score summary. */
    reviewers?: string
    reviewScore?: string
    /** Campaigns: the tracks array (`key`, `name`, `rubric`) and the phases array (`kind`, `startsAt`, `endsAt`). */
    tracks?: string
    phases?: string
    /** Users: name, institution; organizations: province. */
    userName?: string
    userOrganization?: string
    organizationProvince?: string
  }
  /** Entry fields a reviewer of a blind campaign never reads (default: authors, institution, province, city, submitter, channel, recommending unit, source, history, screening flags). */
  blindEntryFields?: string[]
  /** Upload fields a reviewer never reads (default: file names, URLs, sizes, alt, caption, owner, submission facts). */
  blindMediaFields?: string[]
  /**
   * Entry fields the public does not read while a blind campaign's review
   * runs, unless the campaign says its display shows them (default: authors,
   * institution, recommending unit). Editors and the entry's submitter still do.
   */
  publicBlindFields?: string[]
  /** The phase kind the review runs in (default `review`): its end is the due time, its start freezes the normalization. */
  reviewPhaseKind?: string
  /** Editors assign, reopen, see progress and export. */
  isEditor: (user: unknown) => boolean
  /** Admins may override a conflict (with a reason); default: the user's `role` is `admin`. */
  isAdmin?: (user: unknown) => boolean
  /** Reviewers have tasks; default: the user's `role` is `reviewer`. */
  isReviewer?: (user: unknown) => boolean
  /** The jobs queue reminders run on (default `review`); the plugin adds a runner unless the host runs it. */
  jobsQueue?: string
  /** Where the reviewer workspace lives, for the link in a reminder (default `SITE_PUBLIC_URL`). */
  siteUrl?: string
  /** Largest manual or bulk request (default 500 pairs). */
  maxBulk?: number
  /** The admin labels of the pools and reviews collections' group. */
  adminGroup?: Label
  disabled?: boolean
}

export type ResolvedFields = Required<NonNullable<ReviewPluginOptions['fields']>>

export interface ResolvedReviewOptions {
  entries: CollectionSlug
  campaigns: CollectionSlug
  users: CollectionSlug
  organizations: CollectionSlug
  media: CollectionSlug
  slugs: {
    pools: CollectionSlug
    reviews: CollectionSlug
    conflicts: CollectionSlug
    reminders: CollectionSlug
  }
  fields: ResolvedFields
  blindEntryFields: string[]
  blindMediaFields: string[]
  publicBlindFields: string[]
  reviewPhaseKind: string
  isEditor: (user: unknown) => boolean
  isAdmin: (user: unknown) => boolean
  isReviewer: (user: unknown) => boolean
  jobsQueue: string
  siteUrl: string
  maxBulk: number
  adminGroup: Label
}
