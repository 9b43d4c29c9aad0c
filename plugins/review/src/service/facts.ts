import {
  conflictsOf,
  type ConflictEntryFacts,
  type ConflictKind,
  type ConflictReviewerFacts,
} from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { allDocs, refId, type CampaignReview, type Doc, type Id } from './lookups'

export interface ReviewerFacts extends ConflictReviewerFacts {
  name: string
  /** Institutions the reviewer declared a conflict with. */
  declaredOrganizationIds: Id[]
}

export interface EntryFacts extends ConflictEntryFacts {
  id: Id
  track: string
  authorNames: string[]
}

/** The 医共体 and province of each institution named, in one read. */
async function organizationsOf(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  ids: Id[],
): Promise<Map<string, { parent?: Id; province?: string }>> {
  const unique = [...new Set(ids.map(String))]
  if (unique.length === 0) {
    return new Map()
  }
  const docs = await allDocs(req, options.organizations, { id: { in: unique } }, [
    'parent',
    options.fields.organizationProvince,
  ])
  return new Map(
    docs.map((d) => [
      String(d.id),
      {
        parent: refId(d.parent),
        province: (d[options.fields.organizationProvince] as string | undefined) ?? undefined,
      },
    ]),
  )
}

/** What conflicts are decided on, for the reviewers named: institution, its 医共体, province, declarations. */
export async function reviewerFacts(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  ids: Id[],
): Promise<ReviewerFacts[]> {
  if (ids.length === 0) {
    return []
  }
  const { fields } = options
  const users = await allDocs(req, options.users, { id: { in: ids.map(String) } }, [
    fields.userName,
    fields.userOrganization,
    'role',
  ])
  const orgs = await organizationsOf(
    req,
    options,
    users.map((u) => refId(u[fields.userOrganization])).filter((v) => v !== undefined),
  )
  const declared = await allDocs(
    req,
    options.slugs.conflicts,
    { reviewer: { in: ids.map(String) } },
    ['reviewer', 'entry', 'organization'],
  )
  const byId = new Map(users.map((u) => [String(u.id), u]))
  return ids.flatMap((id) => {
    const user = byId.get(String(id))
    if (!user) {
      return []
    }
    const orgId = refId(user[fields.userOrganization])
    const org = orgId === undefined ? undefined : orgs.get(String(orgId))
    const mine = declared.filter((d) => String(refId(d.reviewer)) === String(id))
    return [
      {
        id: user.id,
        name: String(user[fields.userName] ?? ''),
        institutionId: orgId ?? null,
        parentInstitutionId: org?.parent ?? null,
        province: org?.province ?? null,
        declaredEntryIds: mine.map((d) => refId(d.entry)).filter((v) => v !== undefined),
        declaredOrganizationIds: mine
          .map((d) => refId(d.organization))
          .filter((v) => v !== undefined),
      },
    ]
  })
}

/** The same facts for entries, from their stored documents. */
export async function entryFacts(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  entries: Doc[],
): Promise<EntryFacts[]> {
  const { fields } = options
  const orgs = await organizationsOf(
    req,
    options,
    entries.map((e) => refId(e[fields.organization])).filter((v) => v !== undefined),
  )
  return entries.map((e) => {
    const orgId = refId(e[fields.organization])
    const authors = (e[fields.authors] ?? []) as { name?: string }[]
    return {
      id: e.id,
      track: String(e[fields.track] ?? ''),
      institutionId: orgId ?? null,
      parentInstitutionId: orgId === undefined ? null : (orgs.get(String(orgId))?.parent ?? null),
      province: (e[fields.province] as string | undefined) ?? null,
      submitterId: refId(e[fields.submitter]) ?? null,
      authorNames: (Array.isArray(authors) ? authors : [])
        .map((a) => (a?.name ?? '').trim())
        .filter(Boolean),
    }
  })
}

/**
 * Every conflict kind between an entry and a reviewer: the domain's rules,
 * a reviewer named among the authors (accounts do not link authors, so the
 * name is the fact), and institutions the reviewer declared.
 */
export function conflictKinds(
  entry: EntryFacts,
  reviewer: ReviewerFacts,
  campaign: Pick<CampaignReview, 'sameProvince'>,
): ConflictKind[] {
  const isAuthor = reviewer.name !== '' && entry.authorNames.includes(reviewer.name)
  const kinds = conflictsOf({ ...entry, authorIds: isAuthor ? [reviewer.id] : [] }, reviewer, {
    sameProvince: campaign.sameProvince,
  })
  const declaredInstitution =
    entry.institutionId !== null &&
    entry.institutionId !== undefined &&
    reviewer.declaredOrganizationIds.some((o) => String(o) === String(entry.institutionId))
  if (declaredInstitution && !kinds.includes('declared')) {
    kinds.push('declared')
  }
  return kinds
}
