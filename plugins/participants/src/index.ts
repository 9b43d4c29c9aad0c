import type { CollectionConfig, Config } from 'payload'

import { authorProfilesCollection } from './collections/AuthorProfiles'
import { extendCampaigns } from './collections/campaignExtensions'
import { doctorProfilesCollection } from './collections/DoctorProfiles'
import { mediaPartnersCollection } from './collections/MediaPartners'
import { withConfidentialMedia } from './collections/confidentialMedia'
import { extendOrganizations } from './collections/organizationExtensions'
import { extendUsers } from './collections/userExtensions'
import { pledgesCollection } from './collections/Pledges'
import { confirmEndpoint } from './endpoints/confirm'
import { createDoctorEndpoint } from './endpoints/doctors'
import { participantsEndpoints } from './endpoints/participants'
import { registerEndpoint } from './endpoints/register'
import { resolveParticipantsOptions, type ParticipantsPluginOptions } from './types'

export type { ParticipantsPluginOptions, ResolvedParticipantsOptions } from './types'
export { DOCTOR_TITLES, TITLE_RULE } from './collections/DoctorProfiles'
export { PARTICIPATION_MODES } from './collections/MediaPartners'
export { PLEDGE_FIELD } from './collections/campaignExtensions'
export { namesMatch, normalizeInstitutionName } from './lib/names'
export { addWorkingDays } from './lib/workingDays'

/** Institution registration and verification, doctor profiles, media partners, authors, pledges. */
export const participantsPlugin =
  (options: ParticipantsPluginOptions) =>
  (config: Config): Config => {
    const resolved = resolveParticipantsOptions(options)
    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      if (collection.slug === resolved.organizations) {
        return extendOrganizations(collection, resolved)
      }
      if (collection.slug === resolved.users) {
        return extendUsers(collection, resolved)
      }
      if (collection.slug === resolved.campaigns) {
        return extendCampaigns(collection)
      }
      // Wraps whatever read rule the media collection has by now, so list this plugin after
      // any plugin that replaces that rule.
      return collection.slug === resolved.media
        ? withConfidentialMedia(collection, resolved)
        : collection
    })
    const doctors = doctorProfilesCollection(resolved)
    collections.push(
      resolved.disabled ? doctors : { ...doctors, endpoints: [createDoctorEndpoint()] },
      mediaPartnersCollection(resolved),
      authorProfilesCollection(resolved),
      pledgesCollection(resolved),
    )
    return {
      ...config,
      collections,
      endpoints: resolved.disabled
        ? config.endpoints
        : [
            ...(config.endpoints ?? []),
            registerEndpoint(resolved),
            confirmEndpoint(resolved),
            ...participantsEndpoints(resolved),
          ],
    }
  }
