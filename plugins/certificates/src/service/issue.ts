import { awardedRows, type ResultsBody } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { Id, ResolvedCertificatesOptions } from '../types'
import {
  campaignOf,
  createCertificates,
  idOf,
  inTransaction,
  newestSnapshot,
  snapshotRef,
  type CertificateDraft,
  type Doc,
  type IssueOutcome,
} from './create'

export type AwardOutcome = IssueOutcome<{ number: string; entryId: Id }>

/**
 * Issues an award certificate, signed, for every entry that holds a tier
 * in the campaign's newest frozen result and is awarded now, once each:
 * issuing again adds only what is missing. One transaction, so a failure
 * half-way leaves no certificate and no used serial behind.
 */
export async function issueAwardCertificates(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  campaignId: Id,
  at: Date = new Date(),
): Promise<AwardOutcome> {
  return inTransaction(req, async () => {
    const snapshot = await newestSnapshot(req, options, campaignId)
    const body = snapshot.body as unknown as ResultsBody
    const campaign = (await req.payload.findByID({
      collection: options.campaigns,
      id: campaignId,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as Doc
    const rows = awardedRows(body).filter((r) => !r.revoked)
    const tierNames = new Map(
      body.tracks.flatMap((t) => t.tiers.map((tier) => [`${t.key}\u0000${tier.key}`, tier.name])),
    )
    const { docs: entries } = await req.payload.find({
      collection: options.entries,
      where: {
        id: { in: rows.map((r) => r.entryId) },
        [options.fields.status]: { equals: options.awardedState },
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    // The stored id (a number on SQLite), not the snapshot's string form, for relationships.
    const awarded = new Map(entries.map((e) => [String(e.id), e.id as Id]))
    const { docs: held } = await req.payload.find({
      collection: options.slug,
      where: { entry: { in: [...awarded.values()] }, kind: { equals: 'award' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const already = new Set(held.map((c) => String(idOf((c as unknown as Doc).entry))))
    const todo = rows.filter(
      (r) => awarded.has(String(r.entryId)) && !already.has(String(r.entryId)),
    )
    const holders = await options.holdersOf(
      req,
      todo.map((r) => awarded.get(String(r.entryId))!),
    )
    const made = await createCertificates(
      req,
      options,
      todo.map((row): CertificateDraft => ({
        kind: 'award',
        holder: holders.get(String(row.entryId)) ?? {
          names: [],
          institution: row.institution,
          user: null,
        },
        award: tierNames.get(`${row.track}\u0000${row.tier}`) ?? String(row.tier),
        work: { number: row.number, title: row.title },
        entryId: awarded.get(String(row.entryId))!,
      })),
      { campaignId, campaign: campaignOf(body, campaign, options, at), snapshot, at },
    )
    const issued: AwardOutcome['issued'] = []
    for (const { number, draft } of made) {
      await options.recordOnEntry?.(req, draft.entryId!, number)
      issued.push({ number, entryId: draft.entryId! })
    }
    return {
      snapshot: snapshotRef(snapshot),
      issued,
      existing: already.size,
    }
  })
}
