import {
  ENTRY_ACTION_LABELS,
  availableActions,
  isEntryState,
  transitionOf,
  type Phase,
} from '@exemplar/domain'
import { problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { workflowOptionsOf } from '../options'
import { answer, entryIdOf, json } from './request'

const refId = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id?: unknown }).id : value

/**
 * `GET /api/workflow/entries/:id/transitions`: the actions the caller may
 * take on the entry now, with their labels and whether they need a reason,
 * and the entry's history — for the admin's buttons. Someone who may take
 * none and may not read the entry learns nothing (404).
 */
export const listTransitionsHandler: PayloadHandler = (req) =>
  answer(req, async () => {
    const options = workflowOptionsOf(req.payload.config)
    const { fields } = options
    const id = entryIdOf(req.routeParams?.id, 'id')
    const entry = (await req.payload.findByID({
      collection: options.entries,
      id,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
      user: req.user,
      req,
    })) as Record<string, unknown> | null
    if (!entry || !isEntryState(entry[fields.status])) {
      return problemResponse(404, { code: 'notFound', message: `没有编号为 ${String(id)} 的作品` })
    }
    const campaign = (await req.payload.findByID({
      collection: options.campaigns,
      id: refId(entry[fields.campaign]) as number | string,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      select: { [options.phasesField]: true },
      req,
    })) as Record<string, unknown> | null
    const userId = (req.user as { id?: unknown } | null | undefined)?.id
    const actions = availableActions({
      from: entry[fields.status] as never,
      role: options.roleOf(req.user),
      isSubmitter: userId !== undefined && userId === refId(entry[fields.submitter]),
      phases: ((campaign?.[options.phasesField] ?? []) as Phase[]).filter(
        (p) => p?.startsAt && p?.endsAt,
      ),
    }).filter((action) => !transitionOf(action).formOnly)
    return json(200, {
      status: entry[fields.status],
      actions: actions.map((action) => ({
        action,
        label: ENTRY_ACTION_LABELS[action],
        to: transitionOf(action).to,
        needsReason: transitionOf(action).needsReason,
      })),
      history: entry[fields.history] ?? [],
    })
  })
