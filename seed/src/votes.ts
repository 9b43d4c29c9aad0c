import { shanghaiDay } from '@exemplar/domain'
import type { Payload, PayloadRequest } from 'payload'

type Id = number | string

/** Enough for the integrity report to see a burst (≥ 30 a minute) and a device cluster (≥ 20 voters). */
const BURST_VOTERS = 36

/**
 * The fraud behind the demo's open objection, as vote records the
 * integrity report reads: one entry receiving 36 likes within a minute on
 * a night of the voting window, from voters verified that same minute on
 * one device and one network. Editors deciding the objection see it
 * beside it; the entry's tally includes the burst, as it would.
 */
export async function seedVoteBurst(
  payload: Payload,
  input: { campaignId: Id; entryId: Id; at: Date; slug: string },
  // As the editor: the entry is still in review, which only the committee may see.
  req: PayloadRequest,
): Promise<number> {
  const device = `demo-device:${input.slug}`
  const network = `demo-network:${input.slug}`
  for (let i = 0; i < BURST_VOTERS; i++) {
    const at = new Date(input.at.getTime() + i * 1_500).toISOString()
    const voter = await payload.create({
      collection: 'voters',
      data: {
        channel: 'sms',
        addressHash: `demo-burst:${input.slug}:${i}`,
        masked: `170****${String(1000 + i)}`,
        createdAt: at,
      } as never,
      depth: 0,
      req,
    })
    await payload.create({
      collection: 'votes',
      data: {
        entry: input.entryId,
        campaign: input.campaignId,
        voter: voter.id,
        day: shanghaiDay(new Date(at)),
        slot: 0,
        ipHash: network,
        deviceHash: device,
        session: `${device}:${i}`,
        state: 'counted',
        createdAt: at,
      } as never,
      depth: 0,
      req,
    })
  }
  const entry = await payload.findByID({ collection: 'entries', id: input.entryId, depth: 0, req })
  await payload.update({
    collection: 'entries',
    id: input.entryId,
    data: { voteCount: Number(entry.voteCount ?? 0) + BURST_VOTERS } as never,
    depth: 0,
    req,
  })
  return BURST_VOTERS * 2
}
