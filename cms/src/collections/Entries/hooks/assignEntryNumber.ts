import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import {
  entryNumberPrefix,
  FALLBACK_ENTRY_NUMBER_CODE,
  formatEntryNumber,
  isEntryNumberCode,
  nextEntrySerial,
  shanghaiYear,
} from '@exemplar/domain'

/** The campaign calendar's year: an entry sent at 00:30 on 1 January in Beijing is the new year's. */
export function entryYear(now: Date = new Date()): number {
  return shanghaiYear(now)
}

type CampaignRef = number | string | { id: number | string; entryPrefix?: string | null }

/** The campaign's 作品编号前缀, or the fallback code for a campaign that has none. */
async function codeOf(req: PayloadRequest, campaign: CampaignRef | null | undefined) {
  if (campaign === null || campaign === undefined) {
    return FALLBACK_ENTRY_NUMBER_CODE
  }
  const id = typeof campaign === 'object' ? campaign.id : campaign
  const doc = await req.payload.findByID({
    collection: 'campaigns',
    id,
    depth: 0,
    select: { entryPrefix: true },
    disableErrors: true,
    req,
  })
  return isEntryNumberCode(doc?.entryPrefix) ? doc.entryPrefix : FALLBACK_ENTRY_NUMBER_CODE
}

/**
 * The next number of the campaign's year, read from the highest one stored,
 * inside the create's transaction (`req`): on SQLite every transaction is
 * BEGIN IMMEDIATE, so a second CMS process waits for this one's commit and
 * then reads its number. Where a database lets two transactions read the
 * same highest number (MongoDB), the unique index on `number` refuses the
 * second insert rather than giving two entries one number, and the
 * submissions plugin tries that create again (retryUniqueClash).
 */
export async function nextEntryNumber(
  req: PayloadRequest,
  campaign: CampaignRef | null | undefined,
  now: Date = new Date(),
): Promise<string> {
  const year = entryYear(now)
  const code = await codeOf(req, campaign)
  const taken = await req.payload.find({
    collection: 'entries',
    where: { number: { like: entryNumberPrefix(year, code) } },
    select: { number: true },
    depth: 0,
    pagination: false,
    req,
  })
  const serial = nextEntrySerial(
    taken.docs.map((doc) => doc.number),
    year,
    code,
  )
  return formatEntryNumber(year, code, serial)
}

export const assignEntryNumber: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.number) {
    return data
  }
  return { ...data, number: await nextEntryNumber(req, data.campaign) }
}
