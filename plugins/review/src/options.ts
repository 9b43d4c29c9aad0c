import type { CollectionSlug } from 'payload'

import type { ResolvedReviewOptions, ReviewPluginOptions } from './types'

const roleIs = (role: string) => (user: unknown) =>
  (user as { role?: unknown } | null | undefined)?.role === role

export function resolveReviewOptions(options: ReviewPluginOptions): ResolvedReviewOptions {
  const slug = (value: string | undefined, fallback: string) =>
    (value ?? fallback) as CollectionSlug
  return {
    entries: slug(options.entries, 'entries'),
    campaigns: slug(options.campaigns, 'campaigns'),
    users: slug(options.users, 'users'),
    organizations: slug(options.organizations, 'organizations'),
    media: slug(options.media, 'media'),
    slugs: {
      pools: slug(options.slugs?.pools, 'review-pools'),
      reviews: slug(options.slugs?.reviews, 'reviews'),
      conflicts: slug(options.slugs?.conflicts, 'review-conflicts'),
      reminders: slug(options.slugs?.reminders, 'review-reminders'),
    },
    fields: {
      campaign: 'campaign',
      track: 'track',
      status: 'status',
      title: 'title',
      number: 'number',
      abstract: 'abstract',
      sections: 'sections',
      attachments: 'attachments',
      attachmentFile: 'file',
      attachmentCaption: 'caption',
      submitter: 'submittedBy',
      organization: 'organization',
      province: 'province',
      authors: 'authors',
      pin: 'pin',
      reviewers: 'reviewers',
      reviewScore: 'reviewScore',
      tracks: 'tracks',
      phases: 'phases',
      userName: 'name',
      userOrganization: 'organization',
      organizationProvince: 'province',
      ...options.fields,
    },
    blindEntryFields: options.blindEntryFields ?? [
      'authors',
      'organization',
      'province',
      'city',
      'submittedBy',
      'channel',
      'recommendingUnit',
      'informationSource',
      'history',
      'screeningFlags',
    ],
    blindMediaFields: options.blindMediaFields ?? [
      'filename',
      'url',
      'thumbnailURL',
      'sizes',
      'alt',
      'caption',
      'owner',
      'submissionFacts',
    ],
    publicBlindFields: options.publicBlindFields ?? ['authors', 'organization', 'recommendingUnit'],
    reviewPhaseKind: options.reviewPhaseKind ?? 'review',
    isEditor: options.isEditor,
    isAdmin: options.isAdmin ?? roleIs('admin'),
    isReviewer: options.isReviewer ?? roleIs('reviewer'),
    jobsQueue: options.jobsQueue ?? 'review',
    siteUrl: (options.siteUrl ?? process.env.SITE_PUBLIC_URL ?? 'http://localhost:4321').replace(
      /\/+$/,
      '',
    ),
    maxBulk: options.maxBulk ?? 500,
    adminGroup: options.adminGroup ?? { zh: '专家评审', en: 'Expert review' },
  }
}

/** The options the plugin put on the config, for handlers, hooks and jobs. */
export function reviewOptionsOf(config: {
  custom?: Record<string, unknown>
}): ResolvedReviewOptions {
  return config.custom?.review as ResolvedReviewOptions
}
