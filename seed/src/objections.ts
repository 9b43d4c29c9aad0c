import type { Payload } from 'payload'

type Id = number | string

/** What a reader wrote in the demo's objections: facts, and where the evidence is. */
const OBJECTION_TEXT =
  '该案例申报材料中“随访率提升至 92%”与所在县公开的年度卫生统计不符，且案例中部分照片与其他机构此前发表的宣传材料相同。附原始统计公报链接与照片出处，请组委会核实。'

/**
 * The demo's objections, as the objections plugin's routes would have
 * left them: an upheld one behind every award revoked after publicity
 * (decided on the day it was revoked, pointing at the snapshot frozen
 * again), and an open one against an entry of a publicity running today.
 */
export async function seedObjections(
  payload: Payload,
  input: {
    campaignId: Id
    objectorId: Id
    editorId: Id
    revoked: { entryId: Id; at: string; reason: string; snapshotId: Id | null }[]
    openAgainst: Id | null
  },
): Promise<number> {
  let made = 0
  const summaryOf = async (entryId: Id) => {
    const entry = await payload.findByID({ collection: 'entries', id: entryId, depth: 0 })
    return `${entry.number ?? ''} ${entry.title}`.trim()
  }
  for (const r of input.revoked) {
    await payload.create({
      collection: 'objections',
      data: {
        summary: await summaryOf(r.entryId),
        campaign: input.campaignId,
        entry: r.entryId,
        objector: input.objectorId,
        text: OBJECTION_TEXT,
        status: 'upheld',
        decision: r.reason,
        decidedBy: input.editorId,
        decidedAt: r.at,
        snapshotId: r.snapshotId === null ? null : String(r.snapshotId),
      } as never,
      depth: 0,
    })
    made += 1
  }
  if (input.openAgainst !== null) {
    await payload.create({
      collection: 'objections',
      data: {
        summary: await summaryOf(input.openAgainst),
        campaign: input.campaignId,
        entry: input.openAgainst,
        objector: input.objectorId,
        text: OBJECTION_TEXT,
        status: 'open',
      } as never,
      depth: 0,
    })
    made += 1
  }
  return made
}
