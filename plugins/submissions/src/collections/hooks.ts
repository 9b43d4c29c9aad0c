import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { idOf } from '../lib/ids'
import { deadlineProblem, entryProblems } from '../service/checks'
import { campaignFor } from '../service/lookups'
import type { ResolvedSubmissionsOptions } from '../types'

/**
 * The track rules hold for every way an entry can become `submitted` by a
 * non-editor (REST PATCH, GraphQL, a future endpoint), not only the submit
 * endpoint. Imports and seeds run without a user and editors decide for
 * themselves, so neither is checked.
 */
export function guardSubmission(options: ResolvedSubmissionsOptions): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, operation, req }) => {
    const from = operation === 'create' ? undefined : (originalDoc?.status as string | undefined)
    const to = (data.status ?? from) as string | undefined
    if (to !== 'submitted' || from === 'submitted') {
      return data
    }
    if (!req.user || options.isEditor(req.user) || req.context?.submissionsChecked) {
      return data
    }
    const service = { payload: req.payload, options }
    const entry = { ...originalDoc, ...data }
    const campaign = await campaignFor(service, req.user, entry.campaign)
    const problems = await entryProblems(service, entry, campaign, {
      complete: true,
      user: req.user,
    })
    const late = deadlineProblem(options, campaign, from)
    if (late) {
      problems.unshift(late)
    }
    if (problems.length > 0) {
      throw new APIError(problems.map((p) => p.message).join('；'), 422, { errors: problems }, true)
    }
    return data
  }
}

/**
 * The rules trust the facts recorded at upload (a photo's bytes as uploaded,
 * a video's duration), and privacy rests on `submissionUpload` and
 * `onPublicDisplay`. A participant can reach the media collection directly
 * (REST `POST /api/media`, `PATCH` on their own file), so for anyone but an
 * editor these fields come only from the plugin (through `req.context`) or
 * stay as they were.
 */
export function protectMediaFacts(options: ResolvedSubmissionsOptions): CollectionBeforeChangeHook {
  return ({ data, operation, originalDoc, req }) => {
    if (!req.user || options.isEditor(req.user) || req.context?.submissionsSync) {
      return data
    }
    if (operation === 'create') {
      return {
        ...data,
        submissionUpload: true,
        onPublicDisplay: false,
        submissionFacts: req.context?.submissionFacts ?? null,
      }
    }
    // New bytes under an inspected file's record would inherit its facts (a 20-minute video
    // passing as the 3-minute one checked at upload): participants upload anew instead.
    if (req.file && originalDoc?.submissionUpload) {
      throw new APIError(
        '已上传的作品文件不能替换，请删除后通过报送表单重新上传',
        403,
        {
          errors: [
            {
              field: 'file',
              code: 'file.replaceRefused',
              message: '已上传的作品文件不能替换，请删除后通过报送表单重新上传',
            },
          ],
        },
        true,
      )
    }
    return {
      ...data,
      submissionUpload: originalDoc?.submissionUpload ?? true,
      onPublicDisplay: originalDoc?.onPublicDisplay ?? false,
      submissionFacts: originalDoc?.submissionFacts ?? null,
    }
  }
}

/** Files of an entry on public display become readable by anyone; taken off display, private again. */
export function syncPublicFiles(options: ResolvedSubmissionsOptions): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    const isPublic = options.publicStates.includes(String(doc.status))
    const wasPublic = options.publicStates.includes(String(previousDoc?.status))
    if (isPublic === wasPublic && isPublic === false) {
      return doc
    }
    const ids = ((doc.attachments ?? []) as { file?: unknown }[])
      .map((a) => idOf(a.file))
      .filter((x) => x !== undefined)
    if (ids.length === 0) {
      return doc
    }
    await req.payload.update({
      collection: options.media,
      where: { id: { in: ids } },
      data: { onPublicDisplay: isPublic } as never,
      depth: 0,
      overrideAccess: true,
      req,
      context: { submissionsSync: true },
    })
    return doc
  }
}
