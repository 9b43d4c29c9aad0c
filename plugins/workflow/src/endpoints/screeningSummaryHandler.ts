import { ENTRY_STATES } from '@exemplar/domain'
import { jsonResponse, problemResponse } from '@exemplar/http'
import type { PayloadHandler, Where } from 'payload'

import { workflowOptionsOf } from '../options'
import { answer } from './request'

/** Entries shown in the screening queue at once; the rest are a click into the list view. */
const QUEUE_LIMIT = 200

/**
 * `GET /api/workflow/screening?campaign=<id>`: the editor's screening desk —
 * counts per state and per track and state for one campaign, and the queue
 * of entries waiting (已提交, 审核中) with how many screening flags each
 * carries. Editors only. Counts are `count` queries, so a campaign of
 * thousands of entries never loads them all.
 */
export const screeningSummaryHandler: PayloadHandler = (req) =>
  answer(req, async () => {
    const options = workflowOptionsOf(req.payload.config)
    if (!options.isEditor(req.user)) {
      return problemResponse(403, {
        code: 'forbidden',
        message: '只有组委会编辑可以使用初审工作台',
      })
    }
    const { fields } = options
    const declared = new Set(
      (req.payload.collections[options.entries]?.config.flattenedFields ?? []).map((f) => f.name),
    )
    const has = (name: string) => declared.has(name)
    const campaigns = (await req.payload.find({
      collection: options.campaigns,
      depth: 0,
      limit: 100,
      sort: '-createdAt',
      select: { title: true, tracks: true } as never,
      overrideAccess: false,
      user: req.user,
      req,
    })) as unknown as { docs: ({ id: number | string } & Record<string, unknown>)[] }
    const wanted = String(req.searchParams.get('campaign') ?? '')
    const campaign =
      campaigns.docs.find((c) => String(c.id) === wanted) ?? campaigns.docs[0] ?? null
    if (!campaign) {
      return jsonResponse(200, {
        campaigns: [],
        campaign: null,
        tracks: [],
        counts: {},
        byTrack: {},
        queue: [],
      })
    }
    const inCampaign: Where = { [fields.campaign]: { equals: campaign.id } }
    const count = async (where: Where) =>
      (
        await req.payload.count({
          collection: options.entries,
          where: { and: [inCampaign, where] },
          overrideAccess: false,
          user: req.user,
          req,
        })
      ).totalDocs
    const tracks = ((campaign as { tracks?: { key?: string; name?: string }[] }).tracks ?? []).map(
      (t) => ({ key: String(t.key ?? ''), name: String(t.name ?? t.key ?? '') }),
    )
    const counts: Record<string, number> = {}
    const byTrack: Record<string, Record<string, number>> = {}
    for (const state of ENTRY_STATES) {
      counts[state] = await count({ [fields.status]: { equals: state } })
      if (counts[state] === 0) {
        continue
      }
      for (const track of has(fields.track) ? tracks : []) {
        const n = await count({
          [fields.status]: { equals: state },
          [fields.track]: { equals: track.key },
        })
        if (n > 0) {
          ;(byTrack[track.key] ??= {})[state] = n
        }
      }
    }
    const waiting = await req.payload.find({
      collection: options.entries,
      where: { and: [inCampaign, { [fields.status]: { in: ['submitted', 'screening'] } }] },
      depth: 0,
      limit: QUEUE_LIMIT,
      sort: 'createdAt',
      select: {
        [fields.title]: true,
        [fields.number]: true,
        [fields.status]: true,
        ...(has(fields.track) ? { [fields.track]: true } : {}),
        ...(has(fields.flags) ? { [fields.flags]: true } : {}),
        updatedAt: true,
      } as never,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return jsonResponse(200, {
      campaigns: campaigns.docs.map((c) => ({ id: c.id, title: (c as { title?: string }).title })),
      campaign: { id: campaign.id, title: (campaign as { title?: string }).title },
      tracks,
      counts,
      byTrack,
      queue: waiting.docs.map((d) => {
        const doc = d as Record<string, unknown>
        return {
          id: doc.id,
          number: doc[fields.number] ?? null,
          title: doc[fields.title] ?? '',
          status: doc[fields.status],
          track: doc[fields.track] ?? null,
          flags: Array.isArray(doc[fields.flags]) ? (doc[fields.flags] as unknown[]).length : 0,
          updatedAt: doc.updatedAt,
        }
      }),
      queueTotal: waiting.totalDocs,
    })
  })
