import type { CollectionAfterReadHook, CollectionConfig, Config, Field, TaskConfig } from 'payload'

import { entryIdentityRead, mediaIdentityRead, withReadAccess } from './access/blindFields'
import { conflictsCollection } from './collections/conflicts'
import {
  campaignReviewField,
  entryReviewFields,
  organizationParentField,
} from './collections/hostFields'
import { poolsCollection } from './collections/pools'
import { remindersCollection } from './collections/reminders'
import { reviewsCollection } from './collections/reviews'
import { reviewEndpoints } from './endpoints'
import { freezeNormalization } from './hooks/freezeNormalization'
import { refuseBlindQueries } from './hooks/refuseBlindQueries'
import { stripBlindEntry } from './hooks/stripBlindEntry'
import { remindReviewersTask, sendReminderTask } from './jobs/remindTask'
import { withReviewJobs } from './jobs/runner'
import { resolveReviewOptions } from './options'
import type { ResolvedReviewOptions, ReviewPluginOptions } from './types'

import './context'

export type { ReviewPluginOptions } from './types'
export { remindReviewers, REMIND_TASK, SEND_REMINDER_TASK } from './jobs/remindTask'
export { reviewOptionsOf } from './options'
export { autoAssign, manualAssign } from './service/assign'
export { campaignForReview } from './service/lookups'
export { saveDraft, submitReview } from './service/score'
export { campaignExpertScores } from './service/expertScores'

const named = (names: string[]) => (f: Field) => !('name' in f) || !names.includes(f.name)

function withEntryParts(c: CollectionConfig, options: ResolvedReviewOptions): CollectionConfig {
  const ours = entryReviewFields(options)
  const kept = c.fields.filter(named([options.fields.reviewers, options.fields.reviewScore]))
  const hidden = [...options.blindEntryFields, options.fields.reviewers, options.fields.reviewScore]
  return {
    ...c,
    hooks: {
      ...c.hooks,
      beforeOperation: [...(c.hooks?.beforeOperation ?? []), refuseBlindQueries(options, hidden)],
      afterRead: [...(c.hooks?.afterRead ?? []), stripBlindEntry(options)],
    },
    fields: withReadAccess([...kept, ...ours], options.blindEntryFields, (theirs) =>
      entryIdentityRead(options, theirs),
    ),
  }
}

/**
 * Payload adds an upload's own fields (file name, URL, sizes) after the
 * plugins ran, so field access cannot reach them: a reviewer's read of an
 * upload, populated or direct, REST or GraphQL, has them taken out here.
 */
function stripForReviewers(options: ResolvedReviewOptions): CollectionAfterReadHook {
  return ({ context, doc, req }) => {
    if (context.reviewInternalRead || !options.isReviewer(req.user)) {
      return doc
    }
    const out = { ...doc }
    for (const name of options.blindMediaFields) {
      delete out[name]
    }
    return out
  }
}

function withMediaParts(c: CollectionConfig, options: ResolvedReviewOptions): CollectionConfig {
  return {
    ...c,
    hooks: {
      ...c.hooks,
      beforeOperation: [
        ...(c.hooks?.beforeOperation ?? []),
        refuseBlindQueries(options, options.blindMediaFields),
      ],
      afterRead: [...(c.hooks?.afterRead ?? []), stripForReviewers(options)],
    },
    fields: withReadAccess(c.fields, options.blindMediaFields, (theirs) =>
      mediaIdentityRead(options, theirs),
    ),
  }
}

function withCampaignParts(c: CollectionConfig, options: ResolvedReviewOptions): CollectionConfig {
  return {
    ...c,
    hooks: {
      ...c.hooks,
      beforeChange: [...(c.hooks?.beforeChange ?? []), freezeNormalization(options)],
    },
    fields: [...c.fields.filter(named(['review'])), campaignReviewField(options)],
  }
}

/**
 * Expert review: reviewer pools, assignment with conflicts (exactly k per
 * entry or a refusal naming the infeasible entries), blind rubric scoring
 * from the pinned version, normalization frozen per campaign, progress,
 * reminders through the jobs queue, and exports. Its collections and fields
 * are added even when disabled, so the schema never changes under the data.
 */
export const reviewPlugin =
  (input: ReviewPluginOptions) =>
  (config: Config): Config => {
    const options = resolveReviewOptions(input)
    const collections = (config.collections ?? []).map((c) => {
      if (c.slug === options.entries) {
        return withEntryParts(c, options)
      }
      if (c.slug === options.media) {
        return withMediaParts(c, options)
      }
      if (c.slug === options.campaigns) {
        return withCampaignParts(c, options)
      }
      if (c.slug === options.organizations) {
        return {
          ...c,
          fields: [...c.fields.filter(named(['parent'])), organizationParentField(options)],
        }
      }
      return c
    })
    const added = [
      poolsCollection(options),
      reviewsCollection(options),
      conflictsCollection(options),
      remindersCollection(options),
    ]
    if (input.disabled) {
      return { ...config, collections: [...collections, ...added] }
    }
    const components = config.admin?.components
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...components,
          afterNavLinks: [
            ...(components?.afterNavLinks ?? []),
            '@exemplar/plugin-review/client#ReviewNavLink',
          ],
          views: {
            ...components?.views,
            review: { Component: '@exemplar/plugin-review/rsc#ReviewView', path: '/review' },
          },
        },
      },
      collections: [...collections, ...added],
      endpoints: [...(config.endpoints ?? []), ...reviewEndpoints],
      jobs: withReviewJobs(config.jobs, options.jobsQueue, [
        remindReviewersTask(options),
        sendReminderTask(),
      ] as unknown as TaskConfig[]),
      custom: { ...config.custom, review: options },
    }
  }
