import { ENTRY_ACTION_LABELS, availableActions, isEntryState, transitionOf } from '@exemplar/domain'
import { jsonResponse, problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { workflowOptionsOf } from '../options'
import { campaignPhases, entryNotFound, refId, userIdOf } from '../service/lookups'
import { answer, entryIdOf } from './request'

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
      return problemResponse(404, entryNotFound(id))
    }
    const phases = await campaignPhases(req, options, entry[fields.campaign])
    const userId = userIdOf(req)
    const actions = availableActions({
      from: entry[fields.status] as never,
      role: options.roleOf(req.user),
      isSubmitter: userId !== undefined && userId === refId(entry[fields.submitter]),
      phases,
    }).filter((action) => !transitionOf(action).formOnly)
    return jsonResponse(200, {
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
