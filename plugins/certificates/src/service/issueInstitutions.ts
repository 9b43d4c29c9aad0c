import type { CertificateKind, ResultsBody } from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import type { Id, ResolvedCertificatesOptions } from '../types'
import {
  campaignOf,
  createCertificates,
  inTransaction,
  newestSnapshot,
  snapshotRef,
  type CertificateDraft,
  type Doc,
  type IssueOutcome,
} from './create'

export type InstitutionOutcome = IssueOutcome<{ number: string; institution: string }>

/** What each kind's certificate says it is for. */
const AWARD_OF: Record<Exclude<CertificateKind, 'award'>, string> = {
  organizer: '优秀组织机构',
  media: '合作媒体',
}

/**
 * Issues organizer (优秀组织机构) or media certificates to the holders an
 * editor confirmed, from the campaign's newest frozen result: organizers
 * only among the institutions its rule named, outlets only among the
 * campaign's verified partners (the host's `partnersOf`). Once each per
 * campaign and kind; one transaction, checked before anything is written.
 */
export async function issueInstitutionCertificates(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  campaignId: Id,
  kind: Exclude<CertificateKind, 'award'>,
  names: readonly string[],
  at: Date = new Date(),
): Promise<InstitutionOutcome> {
  return inTransaction(req, async () => {
    const snapshot = await newestSnapshot(req, options, campaignId)
    const body = snapshot.body as unknown as ResultsBody
    const allowed = new Map<string, Id | null>()
    if (kind === 'organizer') {
      for (const c of body.organizers?.candidates ?? []) {
        if (c.selected) {
          allowed.set(c.institution, null)
        }
      }
    } else {
      for (const p of (await options.partnersOf?.(req)) ?? []) {
        allowed.set(p.name, p.user)
      }
    }
    const stranger = names.find((n) => !allowed.has(n))
    if (stranger !== undefined) {
      throw new Refusal(400, {
        field: kind === 'organizer' ? 'institutions' : 'partners',
        code: 'notNamed',
        message:
          kind === 'organizer'
            ? `“${stranger.slice(0, 60)}”不在第 ${String(snapshot.sequence)} 版结果评出的优秀组织机构名单中`
            : `“${stranger.slice(0, 60)}”不是已核验的合作媒体`,
      })
    }
    const { docs: held } = await req.payload.find({
      collection: options.slug,
      where: { campaign: { equals: campaignId }, kind: { equals: kind } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { record: true },
      req,
    })
    const already = new Set(
      held.map(
        (c) =>
          (c as unknown as { record?: { holder?: { institution?: string } } }).record?.holder
            ?.institution,
      ),
    )
    const campaign = (await req.payload.findByID({
      collection: options.campaigns,
      id: campaignId,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as Doc
    const todo = names.filter((n) => !already.has(n))
    const made = await createCertificates(
      req,
      options,
      todo.map((institution): CertificateDraft => ({
        kind,
        holder: { names: [], institution, user: allowed.get(institution) ?? null },
        award: AWARD_OF[kind],
        work: null,
        entryId: null,
      })),
      { campaignId, campaign: campaignOf(body, campaign, options, at), snapshot, at },
    )
    return {
      snapshot: snapshotRef(snapshot),
      issued: made.map(({ number, draft }) => ({ number, institution: draft.holder.institution })),
      existing: names.length - todo.length,
    }
  })
}
