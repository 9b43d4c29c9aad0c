import type { CollectionSlug } from 'payload'

/** Options of `participantsPlugin`. */
export interface ParticipantsPluginOptions {
  /**
   * Keep the plugin's collections and fields (so the schema never changes
   * under the data) but register no endpoints.
   */
  disabled?: boolean
  /** The institutions collection (name, licenceName, type, verification, owner). */
  organizations?: CollectionSlug
  /** The auth collection participants sign in with. */
  users?: CollectionSlug
  /** The campaigns collection pledges belong to. */
  campaigns?: CollectionSlug
  /** Who verifies institutions, doctors and partners. */
  isEditor: (user: unknown) => boolean
}
