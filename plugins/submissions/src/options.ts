import {
  PUBLIC_ENTRY_STATES,
  SUBMITTER_DELETABLE_STATES,
  SUBMITTER_EDITABLE_STATES,
  WITHDRAWABLE_STATES as DOMAIN_WITHDRAWABLE,
} from '@exemplar/domain'

import type { ResolvedSubmissionsOptions, SubmissionsPluginOptions } from './types'

const MB = 1024 * 1024
const GB = 1024 * MB
const HOUR = 3600_000

/** States an entry can be withdrawn from by its submitter (API.md). */
export const WITHDRAWABLE_STATES: readonly string[] = DOMAIN_WITHDRAWABLE
/** States the submitter edits in (the core's `ownsEditableEntry` reads the same set). */
export const EDITABLE_STATES: readonly string[] = SUBMITTER_EDITABLE_STATES
/** States the submitter deletes in: a draft only. */
export const DELETABLE_STATES: readonly string[] = SUBMITTER_DELETABLE_STATES

export function resolveSubmissionsOptions(
  options: SubmissionsPluginOptions,
): ResolvedSubmissionsOptions {
  return {
    entries: options.entries ?? 'entries',
    campaigns: options.campaigns ?? 'campaigns',
    media: options.media ?? 'media',
    users: options.users ?? 'users',
    uploadSessions: options.uploadSessions ?? 'upload-sessions',
    isEditor: options.isEditor,
    publicStates: options.publicStates ?? PUBLIC_ENTRY_STATES,
    submissionPhase: options.submissionPhase ?? 'submission',
    maxPlainUploadBytes: options.maxPlainUploadBytes ?? 30 * MB,
    maxResumableBytes: options.maxResumableBytes ?? 2 * GB,
    resumablePerUser: options.resumablePerUser ?? 3,
    resumableExpiryMs: options.resumableExpiryMs ?? 24 * HOUR,
    maxInFlightBytesPerUser: options.maxInFlightBytesPerUser ?? 4 * GB,
    maxStoredBytesPerUser: options.maxStoredBytesPerUser ?? 10 * GB,
    orphanGraceMs: options.orphanGraceMs ?? 24 * HOUR,
    sweepCron: options.sweepCron ?? '17 * * * *',
    jobsQueue: options.jobsQueue ?? 'submissions',
    siteUrl: (options.siteUrl ?? process.env.SITE_PUBLIC_URL ?? 'http://localhost:4321').replace(
      /\/$/,
      '',
    ),
    notifier: options.notifier,
    sendSms: options.sendSms,
  }
}
