import {
  objectionWindowProblem,
  OBJECTION_EVIDENCE_BYTES_MAX,
  OBJECTION_EVIDENCE_MIME_TYPES,
  OBJECTION_TEXT_MAX,
  type Phase,
} from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import type { Id, Objector, ResolvedObjectionsOptions } from '../types'

type Doc = Record<string, unknown> & { id: Id }

const idOf = (v: unknown): Id => (v && typeof v === 'object' ? (v as { id: Id }).id : v) as Id

/** The objection's text as given: required, at most OBJECTION_TEXT_MAX characters. */
export function objectionText(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) {
    throw new Refusal(400, { field: 'text', code: 'required', message: '请写明异议内容与依据' })
  }
  if (text.length > OBJECTION_TEXT_MAX) {
    throw new Refusal(400, {
      field: 'text',
      code: 'tooLong',
      message: `异议内容不超过 ${OBJECTION_TEXT_MAX} 字，现为 ${text.length} 字`,
      limit: OBJECTION_TEXT_MAX,
    })
  }
  return text
}

/**
 * Each evidence file must be one this account uploaded, an image or a PDF
 * within the size limit: someone else's file, or a video, is refused by name.
 */
async function checkEvidence(
  req: PayloadRequest,
  options: ResolvedObjectionsOptions,
  objector: Objector,
  ids: readonly Id[],
): Promise<void> {
  if (ids.length === 0) {
    return
  }
  if (objector.kind !== 'account') {
    // Files are uploaded through an account; a code proves an address, not an uploader.
    throw new Refusal(400, {
      field: 'evidence',
      code: 'accountRequired',
      message: '上传证据材料需先登录账号；用验证码提出的异议只含文字',
    })
  }
  if (!options.media) {
    throw new Refusal(400, {
      field: 'evidence',
      code: 'unsupported',
      message: '本平台不接收证据材料',
    })
  }
  const { docs } = await req.payload.find({
    collection: options.media,
    where: { id: { in: [...ids] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const files = new Map((docs as unknown as Doc[]).map((d) => [String(d.id), d]))
  for (const id of ids) {
    const file = files.get(String(id))
    if (!file || String(idOf(file[options.fields.owner])) !== String(objector.id)) {
      throw new Refusal(400, {
        field: 'evidence',
        code: 'notYours',
        message: `证据材料 ${String(id)} 不是您上传的文件`,
      })
    }
    const name = String(file.filename ?? id)
    if (!(OBJECTION_EVIDENCE_MIME_TYPES as readonly string[]).includes(String(file.mimeType))) {
      throw new Refusal(400, {
        field: 'evidence',
        code: 'unsupported',
        message: `证据材料“${name}”须为 JPEG、PNG、WebP 图片或 PDF 文件`,
      })
    }
    if (Number(file.filesize ?? 0) > OBJECTION_EVIDENCE_BYTES_MAX) {
      throw new Refusal(400, {
        field: 'evidence',
        code: 'tooLarge',
        message: `证据材料“${name}”超过 10 MB`,
        limit: OBJECTION_EVIDENCE_BYTES_MAX,
      })
    }
  }
}

/**
 * Raises an objection as the signed-in account or the verified address:
 * the entry must be one the publicity lists, the campaign's publicity open
 * now, and the objector may not have an open objection against it already. Checked before anything
 * is written, so a refusal stores nothing.
 */
export async function raiseObjection(
  req: PayloadRequest,
  options: ResolvedObjectionsOptions,
  objector: Objector,
  entryId: Id,
  text: string,
  evidence: readonly Id[] = [],
): Promise<Doc> {
  const { fields } = options
  const entry = (await req.payload.findByID({
    collection: options.entries,
    id: entryId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as unknown as Doc | null
  if (!entry || !options.objectableStates.includes(String(entry[fields.status]))) {
    throw new Refusal(404, {
      field: 'entry',
      code: 'notFound',
      message: '没有这件公示中的作品：异议只能针对公示名单中的作品',
    })
  }
  const campaignId = idOf(entry[fields.campaign])
  const campaign = (await req.payload.findByID({
    collection: options.campaigns,
    id: campaignId,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as Doc
  const problem = objectionWindowProblem((campaign[fields.phases] ?? []) as Phase[])
  if (problem) {
    throw new Refusal(409, { code: 'outsidePublicity', message: problem })
  }
  const { totalDocs } = await req.payload.count({
    collection: options.slug,
    where: {
      entry: { equals: entry.id },
      ...(objector.kind === 'account'
        ? { objector: { equals: objector.id } }
        : { contact: { equals: objector.address } }),
      status: { equals: 'open' },
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new Refusal(409, {
      field: 'entry',
      code: 'duplicate',
      message: '您对这件作品的异议正在处理中，请等待处理结果',
    })
  }
  await checkEvidence(req, options, objector, evidence)
  return (await req.payload.create({
    collection: options.slug,
    data: {
      summary: `${String(entry[fields.number] ?? '')} ${String(entry[fields.title] ?? '')}`.trim(),
      campaign: campaignId,
      entry: entry.id,
      ...(objector.kind === 'account'
        ? { objector: objector.id }
        : {
            contact: objector.address,
            contactChannel: objector.channel,
            contactMasked: objector.masked,
          }),
      text,
      ...(options.media ? { evidence: [...evidence] } : {}),
      status: 'open',
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as Doc
}
