import type { CertificateHolder } from '@exemplar/plugin-certificates'
import type { PayloadRequest } from 'payload'

type Id = number | string

const idOf = (v: unknown): Id | null =>
  v && typeof v === 'object' ? ((v as { id?: Id }).id ?? null) : ((v as Id | null) ?? null)

/**
 * Who an award certificate names in Exemplar: the entry's authors, its
 * institution (the organization's name), and the account that submitted
 * it, which finds the certificate on its own page.
 */
export async function awardHolders(
  req: PayloadRequest,
  entryIds: Id[],
): Promise<Map<string, CertificateHolder>> {
  const { docs } = await req.payload.find({
    collection: 'entries',
    where: { id: { in: entryIds } },
    pagination: false,
    depth: 1,
    overrideAccess: true,
    select: { authors: true, organization: true, submittedBy: true },
    req,
  })
  return new Map(
    docs.map((e) => [
      String(e.id),
      {
        names: (e.authors ?? []).map((a) => a.name).filter(Boolean),
        institution:
          e.organization && typeof e.organization === 'object' ? e.organization.name : '',
        user: idOf(e.submittedBy),
      },
    ]),
  )
}

/** The entry's award group keeps its certificate number, which the entry's page links to. */
export async function recordCertificateOnEntry(
  req: PayloadRequest,
  entryId: Id,
  number: string,
): Promise<void> {
  const entry = await req.payload.findByID({
    collection: 'entries',
    id: entryId,
    depth: 0,
    overrideAccess: true,
    select: { award: true },
    req,
  })
  await req.payload.update({
    collection: 'entries',
    id: entryId,
    data: { award: { ...entry.award, certificateNumber: number } },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/**
 * The outlets a media certificate may name (seed 001): media partners an
 * editor verified, each with the account that manages it, which then
 * finds the certificate on its own page.
 */
export async function verifiedMediaPartners(
  req: PayloadRequest,
): Promise<{ name: string; user: Id | null }[]> {
  const { docs } = await req.payload.find({
    collection: 'media-partners',
    where: { verification: { equals: 'verified' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { outletName: true, owner: true },
    req,
  })
  return docs.map((p) => ({ name: String(p.outletName ?? '').trim(), user: idOf(p.owner) }))
}
