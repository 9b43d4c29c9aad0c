import { Refusal } from '@exemplar/http'
import { campaignForResults, freezeResults, resultsOptionsOf } from '@exemplar/plugin-results'
import { applyTransition, workflowOptionsOf } from '@exemplar/plugin-workflow'
import type { PayloadRequest } from 'payload'

type Id = number | string

/**
 * An upheld objection revokes through the workflow's own table (history
 * row, submitter's notice, certificates revoked by their hook), never by
 * writing the status, in the objection's transaction.
 */
export async function revokeByWorkflow(
  req: PayloadRequest,
  entryId: Id,
  reason: { code: string; text: string },
): Promise<void> {
  const outcome = await applyTransition(
    req,
    workflowOptionsOf(req.payload.config),
    entryId,
    'revoke',
    reason,
  )
  if (!outcome.ok) {
    throw new Refusal(outcome.status, outcome.problem)
  }
}

/** The results frozen again after a revocation, with the reason: the new snapshot's id. */
export async function refreezeResults(
  req: PayloadRequest,
  campaignId: Id,
  reason: string,
): Promise<Id | null> {
  const options = resultsOptionsOf(req.payload.config)
  const campaign = await campaignForResults(req, options, String(campaignId))
  const { snapshot } = await freezeResults(req, options, campaign, reason.slice(0, 1000))
  return snapshot.id as Id
}
