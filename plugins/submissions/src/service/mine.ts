import { idOf } from '../lib/ids'
import { DELETABLE_STATES, EDITABLE_STATES, WITHDRAWABLE_STATES } from '../options'
import { deadlineProblem } from './checks'
import { requireParticipant } from './lookups'
import type { Campaign, Doc, SubmissionsContext, SubmissionsOutput } from './types'

/** Whether the submitter may still change an entry: a draft while the window is open, a returned one always. */
function editable(
  s: SubmissionsContext,
  status: unknown,
  phases: Campaign['phases'] | undefined,
): boolean {
  if (!EDITABLE_STATES.includes(String(status))) {
    return false
  }
  return deadlineProblem(s.options, { phases }, status) === null
}

export async function listMine(s: SubmissionsContext, user: unknown): Promise<SubmissionsOutput> {
  requireParticipant(user)
  // `submittedBy` is readable only per document, so Payload refuses to query
  // it with the caller's access. The filter below is exactly the own-entries
  // branch of the entries' read access, and only the fields listed here leave.
  const { docs } = await s.payload.find({
    collection: s.options.entries,
    where: { submittedBy: { equals: idOf(user) } },
    depth: 0,
    limit: 500,
    pagination: false,
    sort: '-updatedAt',
    overrideAccess: true,
  })
  const entries = docs as unknown as Doc[]
  const campaignIds = [
    ...new Set(entries.map((e) => idOf(e.campaign)).filter((x) => x !== undefined)),
  ]
  const campaigns = new Map<string, Record<string, unknown>>()
  const phases = new Map<string, Campaign['phases']>()
  if (campaignIds.length > 0) {
    const found = await s.payload.find({
      collection: s.options.campaigns,
      where: { id: { in: campaignIds } },
      depth: 0,
      limit: campaignIds.length,
      pagination: false,
      overrideAccess: false,
      user,
    })
    for (const c of found.docs as unknown as Campaign[]) {
      campaigns.set(String(c.id), { id: c.id, title: c.title, slug: c.slug })
      phases.set(String(c.id), c.phases)
    }
  }
  return {
    status: 200,
    body: {
      entries: entries.map((e) => ({
        id: e.id,
        number: e.number ?? null,
        title: e.title,
        campaign: campaigns.get(String(idOf(e.campaign))) ?? { id: idOf(e.campaign) },
        track: e.track,
        status: e.status,
        history: ((e.history ?? []) as Record<string, unknown>[]).map((h) => ({
          from: h.from ?? null,
          to: h.to,
          at: h.at,
          action: h.action ?? null,
          // The workflow copies the chosen reason's label into the row; the text is the editor's own.
          reasonLabel: h.reasonLabel ?? null,
          reason: h.reason ?? null,
        })),
        editable: editable(s, e.status, phases.get(String(idOf(e.campaign)))),
        withdrawable: WITHDRAWABLE_STATES.includes(String(e.status)),
        deletable: DELETABLE_STATES.includes(String(e.status)),
        updatedAt: e.updatedAt,
      })),
    },
  }
}
