import { isPhaseOpen, type Phase } from '@exemplar/domain'
import type { Field, FieldAccess, PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'

import type { CampaignBlindness } from '../context'

const idOf = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

/**
 * How a campaign's blind review bears on reads, looked up once per request:
 * whether it hides identities from its reviewers (a campaign that says
 * nothing is blind), and whether it hides them from the public too, which
 * it does while its review runs unless it chose to show them.
 */
export function campaignBlindness(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: unknown,
): Promise<CampaignBlindness> {
  const id = idOf(campaign)
  if (id === undefined) {
    return Promise.resolve({ blind: true, withheldPublicly: false })
  }
  req.context.reviewBlindCampaigns ??= new Map()
  const known = req.context.reviewBlindCampaigns.get(id)
  if (known) {
    return known
  }
  const looked = req.payload
    .findByID({
      collection: options.campaigns,
      id,
      depth: 0,
      select: { review: true, [options.fields.phases]: true } as never,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    .then((doc) => {
      const found = doc as Record<string, unknown> | null
      const review = (found?.review ?? {}) as { blind?: string; publicIdentity?: boolean }
      const blind = review.blind !== 'open'
      const phases = ((found?.[options.fields.phases] ?? []) as Phase[]).filter(
        (p) => p?.startsAt && p?.endsAt,
      )
      return {
        blind,
        withheldPublicly:
          blind &&
          review.publicIdentity !== true &&
          isPhaseOpen(phases, options.reviewPhaseKind, Date.now()),
      }
    })
  req.context.reviewBlindCampaigns.set(id, looked)
  return looked
}

/** Whether a campaign hides identities from its reviewers. */
export const campaignIsBlind = (
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: unknown,
): Promise<boolean> => campaignBlindness(req, options, campaign).then((b) => b.blind)

/**
 * Read access for an entry's identity field: a reviewer reads it only on an
 * entry of an open campaign. Asked without a document (a `where` or a sort
 * being checked) it refuses, so a reviewer cannot filter their way to an
 * author either.
 */
export function entryIdentityRead(
  options: ResolvedReviewOptions,
  theirs: FieldAccess | undefined,
): FieldAccess {
  return async (args) => {
    if (options.isReviewer(args.req.user)) {
      const doc = args.doc as Record<string, unknown> | undefined
      if (!doc || (await campaignIsBlind(args.req, options, doc[options.fields.campaign]))) {
        return false
      }
    }
    return theirs ? theirs(args) : true
  }
}

/** Read access for an upload's naming fields: never a reviewer's (they read files through their task). */
export function mediaIdentityRead(
  options: ResolvedReviewOptions,
  theirs: FieldAccess | undefined,
): FieldAccess {
  return (args) => {
    if (options.isReviewer(args.req.user)) {
      return false
    }
    return theirs ? theirs(args) : true
  }
}

/**
 * The fields with `read` access wrapped where their name is listed, through
 * rows, collapsibles and unnamed tabs (which have no data path of their own).
 */
export function withReadAccess(
  fields: Field[],
  names: readonly string[],
  wrap: (theirs: FieldAccess | undefined) => FieldAccess,
): Field[] {
  return fields.map((field): Field => {
    if ('name' in field && names.includes(field.name) && field.type !== 'ui') {
      return { ...field, access: { ...field.access, read: wrap(field.access?.read) } } as Field
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: withReadAccess(field.fields, names, wrap) }
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) =>
          'name' in tab && tab.name
            ? tab
            : { ...tab, fields: withReadAccess(tab.fields, names, wrap) },
        ),
      }
    }
    return field
  })
}
