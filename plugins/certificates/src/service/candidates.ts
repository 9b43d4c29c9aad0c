import type { CertificateKind, ResultsBody } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { Id, ResolvedCertificatesOptions } from '../types'
import { newestSnapshotOf, snapshotRef } from './create'

export interface Candidates {
  snapshot: { id: Id; sequence: number; sha256: string } | null
  /** Certificates the campaign holds, by kind. */
  issued: Record<CertificateKind, number>
  /** Entries holding a tier in the newest result and not revoked. */
  awarded: number
  /** The institutions the organizer rule named, each marked when it holds one already. */
  organizers: { institution: string; entries: number; awarded: number; held: boolean }[]
  /** Verified partner outlets; null when the host gives none. */
  partners: { name: string; held: boolean }[] | null
}

/** What an editor confirms before issuing: read-only, from the newest frozen result. */
export async function certificateCandidates(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  campaignId: Id,
): Promise<Candidates> {
  const [snapshot, { docs: held }] = await Promise.all([
    newestSnapshotOf(req, options, campaignId),
    req.payload.find({
      collection: options.slug,
      where: { campaign: { equals: campaignId } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { kind: true, record: true },
      req,
    }),
  ])
  const body = snapshot?.body as ResultsBody | undefined
  const issued: Record<CertificateKind, number> = { award: 0, organizer: 0, media: 0 }
  const holding = new Set<string>()
  for (const c of held as unknown as {
    kind: CertificateKind
    record?: { holder?: { institution?: string } }
  }[]) {
    issued[c.kind] += 1
    holding.add(`${c.kind}\u0000${c.record?.holder?.institution ?? ''}`)
  }
  const partners = options.partnersOf ? await options.partnersOf(req) : null
  return {
    snapshot: snapshot ? snapshotRef(snapshot) : null,
    issued,
    awarded: (body?.tracks ?? []).reduce(
      (n, t) => n + t.rows.filter((r) => r.tier !== null && !r.revoked).length,
      0,
    ),
    organizers: (body?.organizers?.candidates ?? [])
      .filter((c) => c.selected)
      .map((c) => ({
        institution: c.institution,
        entries: c.entries,
        awarded: c.awarded,
        held: holding.has(`organizer\u0000${c.institution}`),
      })),
    partners:
      partners?.map((p) => ({ name: p.name, held: holding.has(`media\u0000${p.name}`) })) ?? null,
  }
}
