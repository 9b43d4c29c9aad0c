import type { Payload } from 'payload'

import type { ResolvedSubmissionsOptions } from '../types'
import type { SubmissionsContext } from './types'

/**
 * The submissions service: the Payload instance and resolved options every
 * operation below works on. The operations live in their sections (lookups,
 * checks, drafts, mine, confirm, uploads, store) and take the service first.
 */
export class SubmissionsService implements SubmissionsContext {
  constructor(
    readonly payload: Payload,
    readonly options: ResolvedSubmissionsOptions,
  ) {}
}

const services = new WeakMap<ResolvedSubmissionsOptions, SubmissionsService>()

/** The service of these options, made once: its caches and notifier outlive a request. */
export function submissionsService(payload: Payload, options: ResolvedSubmissionsOptions) {
  let service = services.get(options)
  if (!service || service.payload !== payload) {
    service = new SubmissionsService(payload, options)
    services.set(options, service)
  }
  return service
}

export type {
  Campaign,
  Doc,
  StoredFacts,
  SubmissionsContext,
  SubmissionsOutput,
  Track,
} from './types'
export { errorOutput } from './errorOutput'
export { campaignFor, ownEntry, ownMedia, requireParticipant, trackIn, trackOf } from './lookups'
export { deadlineProblem, entryProblems, factsOfMedia, refuseForeignFiles } from './checks'
export {
  createAndSubmit,
  createDraft,
  deleteDraft,
  getEntry,
  saveDraft,
  submitEntry,
  withdrawEntry,
} from './drafts'
export { listMine } from './mine'
export { confirmEntry, confirmationOf } from './confirm'
export { plainLimit, receiveUpload, uploadTarget, type UploadRequest } from './uploads'
export { adoptFile, describe, imageSizesSettled, makeSizes, storeInspected } from './store'
