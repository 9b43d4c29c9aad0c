import {
  ASSIGNABLE_ENTRY_STATES,
  ACTIVE_REVIEW_STATUSES,
  assignReviewers,
  CONFLICT_KIND_LABELS,
  DEFAULT_REVIEWERS_PER_ENTRY,
  type AssignmentMethod,
  type ConflictKind,
} from '@exemplar/domain'
import type { Problem } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { changeEntryReviewers } from './entryReviewers'
import { conflictKinds, entryFacts, reviewerFacts, type EntryFacts } from './facts'
import { allDocs, refId, userIdOf, type CampaignReview, type Doc, type Id } from './lookups'
import { Refusal } from './refusal'
import { inTransaction } from './transaction'

export interface Added {
  id: Id
  entry: Id
  reviewer: Id
}

interface Pair {
  entry: EntryFacts
  reviewer: Id
  override?: { kinds: ConflictKind[]; reason: string }
}

const kindNames = (kinds: ConflictKind[]) => kinds.map((k) => CONFLICT_KIND_LABELS[k].zh).join('、')

/** Rows already made for the campaign's entries (any status: a declined pair is not offered again). */
async function existingRows(req: PayloadRequest, options: ResolvedReviewOptions, entryIds: Id[]) {
  if (entryIds.length === 0) {
    return []
  }
  return allDocs(req, options.slugs.reviews, { entry: { in: entryIds.map(String) } }, [
    'entry',
    'reviewer',
    'status',
  ])
}

/** Writes the new rows and the entries' reviewer lists, as one transaction. */
async function writePairs(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  pairs: Pair[],
  method: AssignmentMethod,
  seed: string | null,
): Promise<Added[]> {
  const at = new Date().toISOString()
  return inTransaction(req, async () => {
    const added: Added[] = []
    for (const pair of pairs) {
      const row = await req.payload.create({
        collection: options.slugs.reviews,
        data: {
          entry: pair.entry.id,
          reviewer: pair.reviewer,
          campaign: campaign.id,
          track: pair.entry.track,
          status: 'assigned',
          assignment: { method, seed, by: userIdOf(req) ?? null, at },
          ...(pair.override
            ? { override: { ...pair.override, by: userIdOf(req) ?? null, at } }
            : {}),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      added.push({ id: row.id, entry: pair.entry.id, reviewer: pair.reviewer })
    }
    const byEntry = new Map<string, { id: Id; reviewers: Id[] }>()
    for (const pair of pairs) {
      const slot = byEntry.get(String(pair.entry.id)) ?? { id: pair.entry.id, reviewers: [] }
      slot.reviewers.push(pair.reviewer)
      byEntry.set(String(pair.entry.id), slot)
    }
    for (const { id, reviewers } of byEntry.values()) {
      await changeEntryReviewers(req, options, id, { add: reviewers })
    }
    return added
  })
}

const loadsOf = (rows: { reviewer: Id }[]) => {
  const loads: Record<string, number> = {}
  for (const row of rows) {
    loads[String(row.reviewer)] = (loads[String(row.reviewer)] ?? 0) + 1
  }
  return loads
}

/** The campaign's entries review may be given, optionally of one track. */
async function assignableEntries(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  ids?: Id[],
): Promise<Doc[]> {
  const { fields } = options
  return allDocs(
    req,
    options.entries,
    {
      [fields.campaign]: { equals: campaign.id },
      [fields.status]: { in: [...ASSIGNABLE_ENTRY_STATES] },
      ...(ids ? { id: { in: ids.map(String) } } : {}),
    },
    [
      fields.track,
      fields.organization,
      fields.province,
      fields.submitter,
      fields.authors,
      fields.number,
    ],
  )
}

/** The pools' reviewers for a track (a pool without a track serves every track), with capacities. */
async function poolFor(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  track: string,
): Promise<{ id: Id; capacity: number | null }[]> {
  const pools = await allDocs(req, options.slugs.pools, { campaign: { equals: campaign.id } })
  const serving = pools.filter((p) => !p.track || p.track === track)
  const out = new Map<string, { id: Id; capacity: number | null }>()
  for (const pool of serving) {
    for (const reviewer of (pool.reviewers ?? []) as unknown[]) {
      const id = refId(reviewer)
      if (id !== undefined && !out.has(String(id))) {
        out.set(String(id), {
          id,
          capacity: typeof pool.capacity === 'number' ? pool.capacity : null,
        })
      }
    }
  }
  return [...out.values()]
}

/**
 * Automatic assignment for one campaign, track by track from each track's
 * pool: every assignable entry ends with exactly k reviewers (existing
 * assignments kept), or nothing is written and every infeasible entry is
 * named. Loads within a track are as even as conflicts and capacities
 * allow; the seed fixes the result.
 */
export async function autoAssign(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  input: { track?: string; k?: number; seed: string },
): Promise<{ added: Added[]; loads: Record<string, number> }> {
  const k = input.k ?? campaign.k ?? DEFAULT_REVIEWERS_PER_ENTRY
  const entries = await entryFacts(req, options, await assignableEntries(req, options, campaign))
  const tracks = [...new Set(entries.map((e) => e.track))].filter(
    (t) => input.track === undefined || t === input.track,
  )
  const rows = await existingRows(
    req,
    options,
    entries.map((e) => e.id),
  )
  const pairs: Pair[] = []
  const problems: Problem[] = []
  const infeasible: unknown[] = []
  for (const track of tracks) {
    const active = rows.filter((r) => ACTIVE_REVIEW_STATUSES.includes(r.status as never))
    const holding = (entryId: Id) => active.filter((r) => sameEntry(r, entryId))
    // An entry already holding k (or more, after a manual addition) needs nothing from this run.
    const mine = entries.filter((e) => e.track === track && holding(e.id).length < k)
    const pool = await poolFor(req, options, campaign, track)
    const facts = await reviewerFacts(
      req,
      options,
      pool.map((p) => p.id),
    )
    const result = assignReviewers({
      k,
      seed: `${input.seed}:${track}`,
      reviewers: pool,
      existing: active
        .filter((r) => mine.some((e) => String(e.id) === String(refId(r.entry))))
        .map((r) => ({ entryId: refId(r.entry)!, reviewerId: refId(r.reviewer)! })),
      entries: mine.map((entry) => ({
        id: entry.id,
        conflicts: facts
          .filter(
            (r) =>
              // A pair already held stays (an admin may have overridden its conflict).
              !holding(entry.id).some((row) => String(refId(row.reviewer)) === String(r.id)) &&
              (conflictKinds(entry, r, campaign).length > 0 ||
                // A reviewer who declined or stepped back is not given the entry again.
                rows.some(
                  (row) =>
                    String(refId(row.entry)) === String(entry.id) &&
                    String(refId(row.reviewer)) === String(r.id) &&
                    !ACTIVE_REVIEW_STATUSES.includes(row.status as never),
                )),
          )
          .map((r) => r.id),
      })),
    })
    if (!result.ok) {
      problems.push({
        field: 'track',
        code: 'infeasible',
        message: `类别“${track}”：${result.message}`,
      })
      infeasible.push(...result.infeasible.map((i) => ({ ...i, track })))
      continue
    }
    for (const a of result.added) {
      pairs.push({
        entry: mine.find((e) => String(e.id) === String(a.entryId))!,
        reviewer: a.reviewerId,
      })
    }
  }
  if (problems.length > 0) {
    throw new Refusal(409, problems, { infeasible })
  }
  const added = await writePairs(req, options, campaign, pairs, 'auto', input.seed)
  // The loads after the run: the rows still held plus the ones just written.
  const held = rows
    .filter((r) => ACTIVE_REVIEW_STATUSES.includes(r.status as never))
    .map((r) => ({ reviewer: refId(r.reviewer)! }))
  const loads = loadsOf([...held, ...added])
  return { added, loads }
}

/**
 * Manual (one pair) or bulk (entries × reviewers) assignment. Every pair is
 * checked; one conflicted pair refuses the whole request, unless an admin
 * gives a reason, which is stored with the conflict kinds on the row.
 */
export async function manualAssign(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  input: { entries: Id[]; reviewers: Id[]; overrideReason?: string },
): Promise<{ added: Added[]; loads: Record<string, number> }> {
  if (input.entries.length * input.reviewers.length > options.maxBulk) {
    throw new Refusal(400, {
      field: 'entries',
      code: 'tooMany',
      message: `一次最多分配 ${options.maxBulk} 对（作品 × 专家），现为 ${input.entries.length * input.reviewers.length}`,
      limit: options.maxBulk,
    })
  }
  const docs = await assignableEntries(req, options, campaign, input.entries)
  const missing = input.entries.filter((id) => !docs.some((d) => String(d.id) === String(id)))
  if (missing.length > 0) {
    throw new Refusal(409, {
      field: 'entries',
      code: 'notAssignable',
      message: `作品 ${missing.join('、')} 不属于该活动，或不在可分配评审的状态（审核通过、投票中、专家评审中）`,
    })
  }
  const entries = await entryFacts(req, options, docs)
  const reviewers = await reviewerFacts(req, options, input.reviewers)
  const users = await allDocs(req, options.users, { id: { in: input.reviewers.map(String) } }, [
    'role',
  ])
  const notReviewers = input.reviewers.filter(
    (id) => !users.some((u) => String(u.id) === String(id) && options.isReviewer(u)),
  )
  if (notReviewers.length > 0) {
    throw new Refusal(409, {
      field: 'reviewers',
      code: 'notReviewer',
      message: `用户 ${notReviewers.join('、')} 不是评审专家`,
    })
  }
  const rows = await existingRows(
    req,
    options,
    entries.map((e) => e.id),
  )
  const overriding = Boolean(input.overrideReason) && options.isAdmin(req.user)
  const pairs: Pair[] = []
  const problems: Problem[] = []
  for (const entry of entries) {
    for (const reviewer of reviewers) {
      const taken = rows.some(
        (r) => sameEntry(r, entry.id) && String(refId(r.reviewer)) === String(reviewer.id),
      )
      if (taken) {
        problems.push({
          field: 'reviewers',
          code: 'alreadyAssigned',
          message: `专家“${reviewer.name}”已分配过作品 ${String(entry.id)}（含已拒评、已回避）`,
        })
        continue
      }
      const kinds = conflictKinds(entry, reviewer, campaign)
      if (kinds.length > 0 && !overriding) {
        problems.push({
          field: 'reviewers',
          code: 'conflict',
          message: `专家“${reviewer.name}”与作品 ${String(entry.id)} 存在回避冲突（${kindNames(kinds)}）${
            input.overrideReason ? '；仅管理员可豁免' : '；管理员可填写理由后豁免'
          }`,
        })
        continue
      }
      pairs.push({
        entry,
        reviewer: reviewer.id,
        ...(kinds.length > 0 ? { override: { kinds, reason: input.overrideReason! } } : {}),
      })
    }
  }
  if (problems.length > 0) {
    throw new Refusal(409, problems)
  }
  const method: AssignmentMethod = pairs.length > 1 ? 'bulk' : 'manual'
  const added = await writePairs(req, options, campaign, pairs, method, null)
  return { added, loads: loadsOf(added) }
}

const sameEntry = (row: Doc, id: Id) => String(refId(row.entry)) === String(id)
