import { OBJECTABLE_ENTRY_STATES } from '@exemplar/domain'
import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { ObjectionsPluginOptions, ResolvedObjectionsOptions } from './types'

export function resolveObjectionsOptions(
  options: ObjectionsPluginOptions,
): ResolvedObjectionsOptions {
  const slug = (value: string | undefined, fallback: string) =>
    (value ?? fallback) as CollectionSlug
  return {
    slug: slug(options.slug, 'objections'),
    entries: slug(options.entries, 'entries'),
    campaigns: slug(options.campaigns, 'campaigns'),
    users: slug(options.users, 'users'),
    media: options.media ? slug(options.media, options.media) : null,
    fields: {
      status: 'status',
      campaign: 'campaign',
      title: 'title',
      number: 'number',
      phases: 'phases',
      email: 'email',
      owner: 'owner',
      ...options.fields,
    },
    objectableStates: options.objectableStates ?? OBJECTABLE_ENTRY_STATES,
    revokeEntry: options.revokeEntry,
    refreeze: options.refreeze,
    revokeReasonCode: options.revokeReasonCode ?? 'fraud',
    isEditor: options.isEditor,
    verifiedContact: options.verifiedContact ?? null,
    sendSms: options.sendSms ?? null,
  }
}

/** The options the plugin was composed with, from the running config. */
export function objectionsOptionsOf(config: SanitizedConfig): ResolvedObjectionsOptions {
  const options = (config.custom as { objections?: ResolvedObjectionsOptions } | undefined)
    ?.objections
  if (!options) {
    throw new Error('the objections plugin is not in this Payload config')
  }
  return options
}
