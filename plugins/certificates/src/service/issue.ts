import {
  awardedRows,
  formatCertificateNumber,
  maskPersonName,
  shanghaiDay,
  shanghaiYear,
  type CertificateRecord,
  type ResultsBody,
} from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { publicKeyOf, signRecord } from '../signing'
import type { Id, ResolvedCertificatesOptions } from '../types'

type Doc = Record<string, unknown> & { id: Id }

export interface IssueOutcome {
  snapshot: { id: Id; sequence: number; sha256: string }
  issued: { number: string; entryId: Id }[]
  /** Awarded entries that already had a certificate: issuing again changes nothing. */
  existing: number
}

const idOf = (v: unknown): unknown => (v && typeof v === 'object' ? (v as { id?: unknown }).id : v)

/** The campaign's newest frozen result, or a 409 saying results must be frozen first. */
async function newestSnapshot(
  req: PayloadRequest,
  options: ResolvedCertificatesOptions,
  campaignId: Id,
): Promise<Doc> {
  const { docs } = await req.payload.find({
    collection: options.snapshots,
    where: { campaign: { equals: campaignId } },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const snapshot = docs[0] as unknown as Doc | undefined
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
): Promise<IssueOutcome> {
  const started = await initTransaction(req)
  try {
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
    const key = options.signingKey()
    const { keyId } = publicKeyOf(key)
    const year = shanghaiYear(at)
    let serial = await nextSerial(req, options, year)
    const issued: IssueOutcome['issued'] = []
    for (const row of todo) {
      const holder = holders.get(String(row.entryId)) ?? {
        names: [],
        institution: row.institution,
        user: null,
      }
      const entryId = awarded.get(String(row.entryId))!
      const number = formatCertificateNumber(year, serial)
      serial += 1
      const record: CertificateRecord = {
        v: 1,
        number,
        kind: 'award',
        holder: { names: holder.names.map(maskPersonName), institution: holder.institution },
        award: tierNames.get(`${row.track}\u0000${row.tier}`) ?? String(row.tier),
        work: { number: row.number, title: row.title },
        campaign: {
          slug: body.campaign.slug,
          title: body.campaign.title,
          year: Number(campaign[options.fields.year] ?? year),
        },
        issuedOn: shanghaiDay(at),
        snapshot: { sequence: Number(snapshot.sequence), sha256: String(snapshot.sha256) },
        keyId,
      }
      await req.payload.create({
        collection: options.slug,
        data: {
          number,
          year,
          serial: serial - 1,
          kind: 'award',
          status: 'valid',
          campaign: campaignId,
          entry: entryId,
          snapshot: snapshot.id,
          issuedAt: at.toISOString(),
          holderUser: holder.user,
          holderNames: holder.names,
          record,
          signature: signRecord(record, key),
          keyId,
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      await options.recordOnEntry?.(req, entryId, number)
      issued.push({ number, entryId })
    }
    if (started) {
      await commitTransaction(req)
    }
    return {
      snapshot: {
        id: snapshot.id,
        sequence: Number(snapshot.sequence),
        sha256: String(snapshot.sha256),
      },
      issued,
      existing: already.size,
    }
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}
