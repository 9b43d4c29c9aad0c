import {
  formatCertificateNumber,
  maskPersonName,
  shanghaiDay,
  shanghaiYear,
  type CertificateKind,
  type CertificateRecord,
  type ResultsBody,
} from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { publicKeyOf, signRecord } from '../signing'
import type { CertificateHolder, Id, ResolvedCertificatesOptions } from '../types'

export type Doc = Record<string, unknown> & { id: Id }

export const idOf = (v: unknown): unknown =>
  v && typeof v === 'object' ? (v as { id?: unknown }).id : v

/** The campaign's newest frozen result, if it has one. */
export async function newestSnapshotOf(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  campaignId: Id,
): Promise<Doc | undefined> {
  const { docs } = await req.payload.find({
    collection: options.snapshots,
    where: { campaign: { equals: campaignId } },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] as unknown as Doc | undefined
}

/** How an answer names the snapshot it issued from. */
export const snapshotRef = (snapshot: Doc) => ({
  id: snapshot.id,
  sequence: Number(snapshot.sequence),
  sha256: String(snapshot.sha256),
})

/** What an issue answers: the snapshot it issued from, what it made, and how many named already held one. */
export interface IssueOutcome<Issued> {
  snapshot: ReturnType<typeof snapshotRef>
  issued: Issued[]
  existing: number
}

/** The campaign as a certificate names it: the snapshot's title, the campaign's year. */
export function campaignOf(
  body: ResultsBody,
  campaign: Doc,
  options: ResolvedCertificatesOptions,
  at: Date,
): CertificateRecord['campaign'] {
  return {
    slug: body.campaign.slug,
    title: body.campaign.title,
    year: Number(campaign[options.fields.year] ?? shanghaiYear(at)),
  }
}

/** Runs work in one transaction (joining the caller's if there is one): all of it commits, or none. */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const result = await work()
    if (started) {
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}

/** The campaign's newest frozen result, or a 409 saying results must be frozen first. */
export async function newestSnapshot(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  campaignId: Id,
): Promise<Doc> {
  const snapshot = await newestSnapshotOf(req, options, campaignId)
  if (!snapshot) {
    throw new Refusal(409, {
      field: 'campaign',
      code: 'notFrozen',
      message: '该活动尚未冻结评选结果：请先冻结结果，再据此颁发证书',
    })
  }
  return snapshot
}

/** The next free serial of the year; the unique number is what keeps two processes apart. */
async function nextSerial(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  year: number,
): Promise<number> {
  const { docs } = await req.payload.find({
    collection: options.slug,
    where: { year: { equals: year } },
    sort: '-serial',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return Number((docs[0] as unknown as Doc | undefined)?.serial ?? 0) + 1
}

/** One certificate to make: who holds it, for what, and from which result. */
export interface CertificateDraft {
  kind: CertificateKind
  holder: CertificateHolder
  award: string
  work: CertificateRecord['work']
  entryId: Id | null
}

export interface DraftContext {
  campaignId: Id
  campaign: CertificateRecord['campaign']
  snapshot: Doc | null
  at: Date
}

/**
 * Numbers, signs and stores certificates, in the caller's transaction:
 * serials run on from the year's highest, names are masked in the signed
 * record and kept in full beside it for the holder and editors.
 */
export async function createCertificates(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  drafts: readonly CertificateDraft[],
  context: DraftContext,
): Promise<{ number: string; draft: CertificateDraft }[]> {
  if (drafts.length === 0) {
    return []
  }
  const key = options.signingKey()
  const { keyId } = publicKeyOf(key)
  const year = shanghaiYear(context.at)
  let serial = await nextSerial(req, options, year)
  const made: { number: string; draft: CertificateDraft }[] = []
  for (const draft of drafts) {
    const number = formatCertificateNumber(year, serial)
    const record: CertificateRecord = {
      v: 1,
      number,
      kind: draft.kind,
      holder: {
        names: draft.holder.names.map(maskPersonName),
        institution: draft.holder.institution,
      },
      award: draft.award,
      work: draft.work,
      campaign: context.campaign,
      issuedOn: shanghaiDay(context.at),
      snapshot: context.snapshot
        ? { sequence: Number(context.snapshot.sequence), sha256: String(context.snapshot.sha256) }
        : null,
      keyId,
    }
    await req.payload.create({
      collection: options.slug,
      data: {
        number,
        year,
        serial,
        kind: draft.kind,
        status: 'valid',
        campaign: context.campaignId,
        entry: draft.entryId,
        snapshot: context.snapshot?.id ?? null,
        issuedAt: context.at.toISOString(),
        holderUser: draft.holder.user,
        holderNames: draft.holder.names,
        record,
        signature: signRecord(record, key),
        keyId,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    serial += 1
    made.push({ number, draft })
  }
  return made
}
