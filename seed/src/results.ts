import type { Entry } from '@exemplar/cms/payload-types'
import type { EntryState, ResultsBody } from '@exemplar/domain'
import {
  certificatesOptionsOf,
  issueAwardCertificates,
  issueInstitutionCertificates,
} from '@exemplar/plugin-certificates'
import {
  campaignForResults,
  freezeResults,
  previewResults,
  resultsOptionsOf,
} from '@exemplar/plugin-results'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { seedObjections } from './objections'
import { seedVoteBurst } from './votes'
import type { CampaignDef } from './types'

type Id = number | string

/** Where an entry ends when it held a place in the results (publicity, then awarded, or revoked). */
const WINNER_STATES: readonly EntryState[] = ['shortlisted', 'publicity', 'awarded', 'revoked']

export interface ReviewedEntry {
  id: Id
  /** The entry as the plan wrote it, with its final status and whole history. */
  entry: Partial<Entry>
}

export interface SettleInput {
  campaign: CampaignDef
  campaignId: Id
  entries: ReviewedEntry[]
  editorId: Id
  /** Who raised the demo's objections. */
  objectorId: Id
}

type HistoryRow = NonNullable<Entry['history']>[number]

/** The planned history after its `review` row: what happened once the experts had scored. */
const tailOf = (entry: Partial<Entry>): HistoryRow[] => {
  const history = entry.history ?? []
  return history.slice(history.findIndex((h) => h.to === 'review') + 1)
}

/**
 * Moves scored entries on by the results the plugin computes, not by the
 * plan: the entries holding a tier take the plan's winning outcomes (in
 * publicity, awarded, or revoked after it), the rest its other outcomes.
 * The first snapshot is frozen while every entry is still in review; when
 * a winner is revoked a second one is frozen with the reason, as an
 * editor would. Snapshots are dated inside the edition's publicity phase.
 * Returns how many snapshots were made.
 */
export async function settleResults(payload: Payload, input: SettleInput): Promise<number> {
  const { entries } = input
  const finished = entries.some((e) => WINNER_STATES.includes(e.entry.status as EntryState))
  if (!finished) {
    for (const { id, entry } of entries) {
      if (entry.status !== 'review') {
        await moveOn(payload, id, entry.status!, entry.history ?? [], {})
      }
    }
    return 0
  }
  const editor = await payload.findByID({ collection: 'users', id: input.editorId, depth: 0 })
  const req = await createLocalReq({ user: { ...editor, collection: 'users' } as never }, payload)
  const options = resultsOptionsOf(payload.config)
  const campaign = await campaignForResults(req, options, String(input.campaignId))
  const burst = await burstBeforeFreezing(req, input, async () => {
    const { body } = await previewResults(req, options, campaign)
    const id = body.tracks.flatMap((t) => t.rows).find((r) => r.tier !== null)?.entryId
    // The snapshot body writes ids as text; SQLite's ids are numbers.
    return id === undefined ? null : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  })
  const first = await freezeResults(req, options, campaign, '')
  const body = first.snapshot.body as unknown as ResultsBody
  await backdate(payload, first.snapshot.id, frozenOn(input.campaign))
  let revokedAt: string | undefined
  let reason: string | undefined
  // Revoked winners are awarded first and struck after their certificates exist, as in a real edition.
  const revocations: { id: Id; history: HistoryRow[] }[] = []
  const publicized: Id[] = []
  for (const track of body.tracks) {
    const mine = new Map(
      entries.filter((e) => e.entry.track === track.key).map((e) => [String(e.id), e]),
    )
    const plans = [...mine.values()]
    const winners = plans.filter((e) => WINNER_STATES.includes(e.entry.status as EntryState))
    const others = plans.filter((e) => !winners.includes(e))
    const tierName = new Map(track.tiers.map((t) => [t.key, t.name]))
    const holders = track.rows.filter((r) => r.tier !== null)
    const rest = track.rows.filter((r) => r.tier === null)
    const settle = async (rows: typeof track.rows, outcomes: ReviewedEntry[]) => {
      for (const [i, row] of rows.entries()) {
        const own = mine.get(String(row.entryId))
        const outcome = outcomes[i % Math.max(outcomes.length, 1)]
        if (!own || !outcome || outcome.entry.status === 'review') {
          continue
        }
        const history = (own.entry.history ?? []).slice(
          0,
          (own.entry.history ?? []).findIndex((h) => h.to === 'review') + 1,
        )
        const tail = tailOf(outcome.entry)
        const status = outcome.entry.status!
        const awarded = status === 'awarded' || status === 'revoked'
        const award = awarded
          ? {
              name: tierName.get(row.tier ?? '') ?? outcome.entry.award?.name ?? null,
              certificateNumber: null,
              awardedAt: tail.find((h) => h.to === 'awarded')?.at ?? tail.at(-1)?.at ?? null,
            }
          : {}
        if (status === 'revoked') {
          revokedAt = tail.at(-1)?.at ?? undefined
          reason = tail.at(-1)?.reason ?? undefined
          revocations.push({ id: own.id, history: [...history, ...tail] })
          await moveOn(payload, own.id, 'awarded', [...history, ...tail.slice(0, -1)], award)
          continue
        }
        if (status === 'publicity') {
          publicized.push(own.id)
        }
        await moveOn(payload, own.id, status, [...history, ...tail], award)
      }
    }
    await settle(holders, winners)
    await settle(rest, others)
  }
  const issued = await issueAwardCertificates(
    req,
    certificatesOptionsOf(payload.config),
    input.campaignId,
    new Date(awardedOn(input.campaign) ?? Date.now()),
  )
  // The committee confirms every institution the organizer rule named.
  const named = (body.organizers?.candidates ?? []).filter((c) => c.selected)
  const organizers =
    named.length > 0
      ? await issueInstitutionCertificates(
          req,
          certificatesOptionsOf(payload.config),
          input.campaignId,
          'organizer',
          named.map((c) => c.institution),
          new Date(awardedOn(input.campaign) ?? Date.now()),
        )
      : { issued: [] }
  const certified = issued.issued.length + organizers.issued.length
  for (const { id, history } of revocations) {
    const award = (await payload.findByID({ collection: 'entries', id, depth: 0 })).award ?? {}
    await moveOn(payload, id, 'revoked', history, award)
    await payload.update({
      collection: 'certificates',
      where: { entry: { equals: id } },
      data: { revokedAt: new Date(revokedAt ?? Date.now()).toISOString() },
      depth: 0,
    })
  }
  const objections = (revoked: Parameters<typeof seedObjections>[1]['revoked']) =>
    seedObjections(payload, {
      campaignId: input.campaignId,
      objectorId: input.objectorId,
      editorId: input.editorId,
      revoked,
      openAgainst:
        burst !== null && publicized.some((p) => String(p) === String(burst.entryId))
          ? burst.entryId
          : (publicized[0] ?? null),
    })
  if (!revokedAt) {
    return 1 + certified + (burst?.made ?? 0) + (await objections([]))
  }
  const decision = reason ?? '公示期间查实弄虚作假，撤销其入选资格'
  const second = await freezeResults(req, options, campaign, decision)
  await backdate(payload, second.snapshot.id, revokedAt)
  const at = new Date(revokedAt).toISOString()
  const made = await objections(
    revocations.map((r) => ({
      entryId: r.id,
      at,
      reason: decision,
      snapshotId: second.snapshot.id,
    })),
  )
  return (second.created ? 2 : 1) + certified + (burst?.made ?? 0) + made
}

/**
 * An edition in publicity after a public vote gets the fraud its open
 * objection is about, before the results are frozen (the votes are part of
 * the score): a burst of likes on an entry the publicity lists. More votes
 * only raise it, so it still holds its place once frozen.
 */
async function burstBeforeFreezing(
  req: PayloadRequest,
  input: SettleInput,
  firstHolder: () => Promise<Id | null>,
): Promise<{ entryId: Id; made: number } | null> {
  const voting = input.campaign.phases.find((p) => p.kind === 'voting')
  const inPublicity = input.entries.some((e) => e.entry.status === 'publicity')
  const entryId = voting && inPublicity ? await firstHolder() : null
  if (!voting || entryId === null) {
    return null
  }
  const start = Date.parse(voting.startsAt)
  // On a minute's boundary, so the whole burst falls in one minute (and one hour) of the report.
  const middle = new Date(
    Math.floor((start + (Date.parse(voting.endsAt) - start) / 2) / 60_000) * 60_000,
  )
  const made = await seedVoteBurst(
    req.payload,
    { campaignId: input.campaignId, entryId, at: middle, slug: input.campaign.slug },
    req,
  )
  return { entryId, made }
}

async function moveOn(
  payload: Payload,
  id: Id,
  status: string,
  history: HistoryRow[],
  award: Entry['award'],
): Promise<void> {
  await payload.update({
    collection: 'entries',
    id,
    data: { status, history, award } as never,
    depth: 0,
  })
}

/** When the edition froze its results: as its publicity opened, else as they were announced. */
const frozenOn = (campaign: CampaignDef): string | undefined => {
  const phase = (kind: string) => campaign.phases.find((p) => p.kind === kind)
  return phase('publicity')?.startsAt ?? phase('results')?.startsAt ?? phase('review')?.endsAt
}

/** When the edition handed out its certificates: as its results were announced. */
const awardedOn = (campaign: CampaignDef): string | undefined =>
  campaign.phases.find((p) => p.kind === 'results')?.startsAt ??
  campaign.phases.find((p) => p.kind === 'publicity')?.endsAt

/** A demo snapshot dated when the edition froze it, not on the day the demo was made. */
async function backdate(payload: Payload, id: Id, at: string | undefined): Promise<void> {
  if (at) {
    await payload.update({
      collection: 'result-snapshots',
      id,
      data: { frozenAt: new Date(at).toISOString() } as never,
      depth: 0,
    })
  }
}

/**
 * Seed 001's participating media: every verified partner outlet gets the
 * finished editions' media certificate, as the committee would confirm it.
 */
export async function seedMediaCertificates(
  payload: Payload,
  input: { editorId: Id; campaignIds: Id[]; outlets: string[] },
): Promise<number> {
  const editor = await payload.findByID({ collection: 'users', id: input.editorId, depth: 0 })
  const req = await createLocalReq({ user: { ...editor, collection: 'users' } as never }, payload)
  let made = 0
  for (const campaignId of input.campaignIds) {
    const campaign = await payload.findByID({ collection: 'campaigns', id: campaignId, depth: 0 })
    const results = campaign.phases?.find((p) => p.kind === 'results')
    const outcome = await issueInstitutionCertificates(
      req,
      certificatesOptionsOf(payload.config),
      campaignId,
      'media',
      input.outlets,
      new Date(results?.startsAt ?? Date.now()),
    )
    made += outcome.issued.length
  }
  return made
}
