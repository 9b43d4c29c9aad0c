import type { CollectionSlug } from 'payload'

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
}
