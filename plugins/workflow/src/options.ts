import { isRole } from '@exemplar/domain'
import type { CollectionSlug } from 'payload'

import type { ResolvedWorkflowOptions, WorkflowPluginOptions } from './types'

const roleField = (user: unknown) => {
  const role = (user as { role?: unknown } | null | undefined)?.role
  return isRole(role) ? role : undefined
}

export function resolveWorkflowOptions(options: WorkflowPluginOptions): ResolvedWorkflowOptions {
  return {
    entries: options.entries ?? ('entries' as CollectionSlug),
    campaigns: options.campaigns ?? ('campaigns' as CollectionSlug),
    users: options.users ?? ('users' as CollectionSlug),
    historyAdmin: options.historyAdmin ?? {},
    reasons: (options.reasons ?? 'workflow-reasons') as CollectionSlug,
    fields: {
      status: 'status',
      history: 'history',
      submitter: 'submittedBy',
      campaign: 'campaign',
      title: 'title',
      number: 'number',
      track: 'track',
      flags: 'screeningFlags',
      attachments: 'attachments',
      attachmentFile: 'file',
      pin: 'pin',
      ...options.fields,
    },
    media: options.media ?? ('media' as CollectionSlug),
    pinExclude: options.pinExclude ?? [
      'id',
      'createdAt',
      'updatedAt',
      'status',
      'history',
      'pin',
      'voteCount',
      'reviewers',
      'reviewScore',
      'award',
      'screeningFlags',
    ],
    phasesField: options.phasesField ?? 'phases',
    isEditor: options.isEditor,
    roleOf: options.roleOf ?? roleField,
    jobsQueue: options.jobsQueue ?? 'workflow',
    siteUrl: (options.siteUrl ?? process.env.SITE_PUBLIC_URL ?? 'http://localhost:4321').replace(
      /\/+$/,
      '',
    ),
    maxBulk: options.maxBulk ?? 500,
    onTransition: options.onTransition,
  }
}

/** The options the plugin put on the config, for handlers, hooks and jobs. */
export function workflowOptionsOf(config: {
  custom?: Record<string, unknown>
}): ResolvedWorkflowOptions {
  return config.custom?.workflow as ResolvedWorkflowOptions
}
