import { completeUploadHandler } from './completeUploadHandler'
import { createDraftHandler } from './createDraftHandler'
import { deleteDraftHandler } from './deleteDraftHandler'
import { getEntryHandler } from './getEntryHandler'
import { listMyEntriesHandler } from './listMyEntriesHandler'
import type { SubmissionsEndpoint } from './request'
import { saveEntryHandler } from './saveEntryHandler'
import { submitEntryHandler } from './submitEntryHandler'
import { submitNewEntryHandler } from './submitNewEntryHandler'
import { uploadFileHandler } from './uploadFileHandler'
import { withdrawEntryHandler } from './withdrawEntryHandler'

export type { SubmissionsEndpoint, SubmissionsHandler, SubmissionsRequest } from './request'

/**
 * The contract's routes (API.md), one handler each, registered as Payload
 * endpoints (the Next path). The CMS's own server answers /api/submissions/*
 * before Next sees it — uploads stream to disk there — and calls the same
 * handlers from this list (`server/`).
 */
export const submissionsEndpoints: SubmissionsEndpoint[] = [
  { method: 'post', path: '/submissions/drafts', handler: createDraftHandler },
  { method: 'patch', path: '/submissions/drafts/:id', handler: saveEntryHandler },
  { method: 'get', path: '/submissions/entries/:id', handler: getEntryHandler },
  { method: 'delete', path: '/submissions/entries/:id', handler: deleteDraftHandler },
  { method: 'post', path: '/submissions/entries', handler: submitNewEntryHandler },
  { method: 'post', path: '/submissions/entries/:id/submit', handler: submitEntryHandler },
  { method: 'post', path: '/submissions/entries/:id/withdraw', handler: withdrawEntryHandler },
  { method: 'get', path: '/submissions/mine', handler: listMyEntriesHandler },
  { method: 'post', path: '/submissions/uploads', handler: uploadFileHandler },
  { method: 'post', path: '/submissions/uploads/complete', handler: completeUploadHandler },
]
