import type { CollectionBeforeChangeHook } from 'payload'

import { SubmissionError, hookRefusal } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import type { RuleProblem } from '../rules'
import type { ResolvedSubmissionsOptions } from '../types'

/**
 * Every file a non-editor attaches to an entry must be the submitter's own
 * upload, however the entry is written (REST, GraphQL, the plugin's routes):
 * another user's private photo attached to one's own draft would go public
 * with it. Files already on the entry are left alone (an editor may have
 * attached one of theirs); imports and seeds run without a user.
 */
export function refuseForeignAttachments(
  options: ResolvedSubmissionsOptions,
): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, operation, req }) => {
    if (!req.user || options.isEditor(req.user) || !Array.isArray(data.attachments)) {
      return data
    }
    const submitter =
      operation === 'create' ? (data.submittedBy ?? idOf(req.user)) : originalDoc?.submittedBy
    const before = new Set(
      ((originalDoc?.attachments ?? []) as { file?: unknown }[]).map((a) => String(idOf(a?.file))),
    )
    const attachments = data.attachments as ({ file?: unknown } | null)[]
    const added = attachments
      .map((a, i) => ({ i, id: idOf(a?.file) }))
      .filter((a) => a.id !== undefined && !before.has(String(a.id)))
    if (added.length === 0) {
      return data
    }
    const { docs } = await req.payload.find({
      collection: options.media,
      where: { id: { in: added.map((a) => a.id!) } },
      select: { owner: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const owners = new Map(docs.map((d) => [String(d.id), (d as { owner?: unknown }).owner]))
    const problems: RuleProblem[] = added
      .filter((a) => !sameId(owners.get(String(a.id)), submitter))
      .map(({ i }) => ({
        field: `attachments.${i}.file`,
        code: 'file.notFound',
        message: `附件（attachments.${i}.file）：第 ${i + 1} 个附件的文件不存在或不是提交人本人上传的，请重新上传`,
      }))
    if (problems.length > 0) {
      throw hookRefusal(new SubmissionError(422, problems))
    }
    return data
  }
}
