import type { CollectionConfig, Config, JobsConfig, TaskConfig } from 'payload'

import { historyField } from './collections/historyField'
import { pinField } from './collections/pinField'
import { reasonsCollection } from './collections/reasons'
import { workflowEndpoints } from './endpoints'
import { recordTransition } from './hooks/recordTransition'
import { refuseStatusWrites } from './hooks/refuseStatusWrites'
import { seedReasons } from './hooks/seedReasons'
import { notifyTransitionTask } from './jobs/notifyTask'
import { resolveWorkflowOptions } from './options'
import type { ResolvedWorkflowOptions, WorkflowPluginOptions } from './types'

import './context'

export type { TransitionRecord, WorkflowPluginOptions } from './types'
export { NOTIFY_TASK } from './jobs/notifyTask'
export { applyTransition } from './service/applyTransition'
export { pinEntry } from './service/pinEntry'
export { workflowOptionsOf } from './options'

function withEntryParts(
  collection: CollectionConfig,
  options: ResolvedWorkflowOptions,
): CollectionConfig {
  const others = collection.fields.filter(
    (f) => !('name' in f) || f.name !== options.fields.history,
  )
  // Versions are never pruned: a pin names one, and reviewers and awards read it.
  const versions =
    collection.versions && typeof collection.versions === 'object'
      ? { ...collection.versions, maxPerDoc: 0 }
      : { maxPerDoc: 0 }
  return {
    ...collection,
    versions,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseStatusWrites(options)],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), recordTransition(options)],
    },
    fields: [
      ...others,
      {
        name: 'workflowActions',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: {
            Field: {
              path: '@exemplar/plugin-workflow/client#TransitionPanel',
              clientProps: { reasonsSlug: options.reasons },
            },
          },
        },
      },
      historyField(options),
      pinField(options),
    ],
  }
}

/** The host's jobs with the notification task and, unless the host already runs its queue, a runner every minute. */
function withNotifyJobs(jobs: JobsConfig | undefined, queue: string): JobsConfig {
  const ours = { cron: '* * * * *', queue, limit: 20 }
  const covered = (list: { allQueues?: boolean; queue?: string }[]) =>
    list.some((c) => c.allQueues || c.queue === queue)
  const autoRun = jobs?.autoRun
  return {
    ...jobs,
    tasks: [...(jobs?.tasks ?? []), notifyTransitionTask() as unknown as TaskConfig],
    autoRun:
      typeof autoRun === 'function'
        ? async (payload) => {
            const theirs = await autoRun(payload)
            return covered(theirs) ? theirs : [...theirs, ours]
          }
        : covered(autoRun ?? [])
          ? autoRun
          : [...(autoRun ?? []), ours],
  }
}

/**
 * The entry workflow: the domain's transition table as the only way an
 * entry's status changes (REST and GraphQL writes to it are refused), one
 * history row per transition in the same transaction, reasons from an
 * editable list, and the submitter told by email through the jobs queue.
 */
export const workflowPlugin =
  (input: WorkflowPluginOptions) =>
  (config: Config): Config => {
    const options = resolveWorkflowOptions(input)
    if (input.disabled) {
      return config
    }
    const collections = (config.collections ?? []).map((c) =>
      c.slug === options.entries ? withEntryParts(c, options) : c,
    )
    const onInit = config.onInit
    const components = config.admin?.components
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...components,
          afterNavLinks: [
            ...(components?.afterNavLinks ?? []),
            '@exemplar/plugin-workflow/client#ScreeningNavLink',
          ],
          views: {
            ...components?.views,
            screening: {
              Component: '@exemplar/plugin-workflow/rsc#ScreeningView',
              path: '/screening',
            },
          },
        },
      },
      collections: [...collections, reasonsCollection(options)],
      endpoints: [...(config.endpoints ?? []), ...workflowEndpoints],
      jobs: withNotifyJobs(config.jobs, options.jobsQueue),
      custom: { ...config.custom, workflow: options },
      onInit: async (payload) => {
        await onInit?.(payload)
        await seedReasons(payload, options)
      },
    }
  }
