import type { Phase } from '@exemplar/domain'
import type { Problem } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import type { ResolvedWorkflowOptions } from '../types'

/** A relationship's id, whether it came populated or as the id. */
export const refId = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id?: unknown }).id : value

/** The signed-in caller's id, if any. */
export const userIdOf = (req: PayloadRequest) =>
  (req.user as { id?: unknown } | null | undefined)?.id

/** The phases of an entry's campaign with both ends set: what the table's phase rule reads. */
export async function campaignPhases(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  campaign: unknown,
): Promise<Phase[]> {
  const doc = (await req.payload.findByID({
    collection: options.campaigns,
    id: refId(campaign) as number | string,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    select: { [options.phasesField]: true },
    req,
  })) as Record<string, unknown> | null
  return ((doc?.[options.phasesField] ?? []) as Phase[]).filter((p) => p?.startsAt && p?.endsAt)
}

export type EntryDoc = Record<string, unknown> & { id: number | string }

/** An entry as stored, whoever asks (the caller's rights are the transition table's business). */
export async function storedEntry(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  id: number | string,
  fields?: string[],
): Promise<EntryDoc | null> {
  return (await req.payload.findByID({
    collection: options.entries,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    ...(fields ? { select: Object.fromEntries(fields.map((f) => [f, true])) } : {}),
    req,
  })) as EntryDoc | null
}

export const entryNotFound = (id: unknown): Problem => ({
  code: 'notFound',
  message: `没有编号为 ${String(id)} 的作品`,
})
