import type { CollectionSlug } from 'payload'

import type { WorkingCalendar } from './lib/workingDays'

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
  /** The campaigns collection pledges belong to (drafts on: `_status` marks published). */
  campaigns?: CollectionSlug
  /** The upload collection holding recommendation forms. */
  media?: CollectionSlug
  /** Who verifies institutions, doctors and partners. */
  isEditor: (user: unknown) => boolean
  /** Doctor profiles one institution may hold (seed 000: 20). */
  maxDoctorsPerInstitution?: number
  /** Working days editors have to verify a doctor profile (seed 000: 10). */
  doctorVerificationWorkingDays?: number
  /** Public holidays and weekend working days in Asia/Shanghai; weekends only when absent. */
  calendar?: WorkingCalendar
  /** Public origin of the site, for the links in registration mail. Default `SITE_PUBLIC_URL`. */
  siteUrl?: string
  /** How long a registration's confirmation link works (hours; default 72). */
  confirmationHours?: number
}

export interface ResolvedParticipantsOptions {
  disabled: boolean
  organizations: CollectionSlug
  users: CollectionSlug
  campaigns: CollectionSlug
  media: CollectionSlug
  isEditor: (user: unknown) => boolean
  maxDoctorsPerInstitution: number
  doctorVerificationWorkingDays: number
  calendar: WorkingCalendar
  siteUrl: string
  confirmationHours: number
}

export function resolveParticipantsOptions(
  options: ParticipantsPluginOptions,
): ResolvedParticipantsOptions {
  return {
    disabled: options.disabled ?? false,
    organizations: options.organizations ?? ('organizations' as CollectionSlug),
    users: options.users ?? ('users' as CollectionSlug),
    campaigns: options.campaigns ?? ('campaigns' as CollectionSlug),
    media: options.media ?? ('media' as CollectionSlug),
    isEditor: options.isEditor,
    maxDoctorsPerInstitution: options.maxDoctorsPerInstitution ?? 20,
    doctorVerificationWorkingDays: options.doctorVerificationWorkingDays ?? 10,
    calendar: options.calendar ?? {},
    siteUrl: (options.siteUrl ?? process.env.SITE_PUBLIC_URL ?? 'http://localhost:4321').replace(
      /\/$/,
      '',
    ),
    confirmationHours: options.confirmationHours ?? 72,
  }
}
