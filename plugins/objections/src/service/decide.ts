import { OBJECTION_DECISION_MAX, OBJECTION_STATUS_LABELS } from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import type { Id, ResolvedObjectionsOptions } from '../types'

type Doc = Record<string, unknown> & { id: Id }

const idOf = (v: unknown): Id => (v && typeof v === 'object' ? (v as { id: Id }).id : v) as Id

export function decisionText(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) {
    throw new Refusal(400, {
      field: 'reason',
      code: 'required',
      message: '请写明处理意见（将告知异议人）',
    })
  }
  if (text.length > OBJECTION_DECISION_MAX) {
    throw new Refusal(400, {
      field: 'reason',
      code: 'tooLong',
      message: `处理意见不超过 ${OBJECTION_DECISION_MAX} 字，现为 ${text.length} 字`,
      limit: OBJECTION_DECISION_MAX,
    })
  }
  return text
}

/**
 * Decides an open objection. Upholding it revokes the entry (through the
 * host, so the workflow's table, history and certificates follow) and
 * freezes the results again with the reason; all of it in one
 * transaction, so a failure leaves the objection open and the entry as it
 * was. The objector is told afterwards, by mail or text message.
 */
export async function decideObjection(
  req: PayloadRequest,
  options: ResolvedObjectionsOptions,
  id: Id,
  uphold: boolean,
  reason: string,
): Promise<Doc> {
  const started = await initTransaction(req)
  let decided: Doc
  try {
    const objection = (await req.payload.findByID({
      collection: options.slug,
      id,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })) as unknown as Doc | null
    if (!objection) {
      throw new Refusal(404, {
        field: 'id',
        code: 'notFound',
        message: `没有 ID 为 ${String(id)} 的异议`,
      })
    }
    if (objection.status !== 'open') {
      const label = OBJECTION_STATUS_LABELS[objection.status as 'upheld' | 'dismissed']?.zh
      throw new Refusal(409, {
        code: 'decided',
        message: `这条异议已处理（${label ?? String(objection.status)}），不能再次处理`,
      })
    }
    let snapshotId: Id | null = null
    if (uphold) {
      await options.revokeEntry(req, idOf(objection.entry), {
        code: options.revokeReasonCode,
        text: reason,
      })
      snapshotId = await options.refreeze(req, idOf(objection.campaign), `异议成立：${reason}`)
    }
    decided = (await req.payload.update({
      collection: options.slug,
      id,
      data: {
        status: uphold ? 'upheld' : 'dismissed',
        decision: reason,
        decidedBy: req.user!.id,
        decidedAt: new Date().toISOString(),
        snapshotId: snapshotId === null ? null : String(snapshotId),
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as Doc
    if (started) {
      await commitTransaction(req)
    }
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
  await tellObjector(req, options, decided)
  return decided
}

/** Where the decision goes: the account's email, or the address the objector proved by a code. */
async function addressOf(
  req: PayloadRequest,
  options: ResolvedObjectionsOptions,
  objection: Doc,
): Promise<{ channel: 'email' | 'sms'; to: string } | null> {
  if (objection.objector) {
    const user = (await req.payload.findByID({
      collection: options.users,
      id: idOf(objection.objector),
      depth: 0,
      overrideAccess: true,
    })) as unknown as Doc
    const to = user[options.fields.email]
    return typeof to === 'string' && to ? { channel: 'email', to } : null
  }
  const to = objection.contact
  if (typeof to !== 'string' || !to) {
    return null
  }
  return { channel: objection.contactChannel === 'sms' ? 'sms' : 'email', to }
}

/** Told after the commit: a failing mail server never reverts a decision. */
async function tellObjector(
  req: PayloadRequest,
  options: ResolvedObjectionsOptions,
  objection: Doc,
): Promise<void> {
  try {
    const address = await addressOf(req, options, objection)
    if (!address) {
      return
    }
    const label = OBJECTION_STATUS_LABELS[objection.status as 'upheld' | 'dismissed'].zh
    const summary = String(objection.summary ?? '')
    const decision = String(objection.decision ?? '')
    if (address.channel === 'sms') {
      await options.sendSms?.(
        address.to,
        `您对“${summary}”的公示异议已处理：${label}。处理意见：${decision}`,
      )
      return
    }
    await req.payload.sendEmail({
      to: address.to,
      subject: `您对“${summary}”的异议：${label}`,
      text: [
        `您在公示期间对作品“${summary}”提出的异议已处理。`,
        `处理结果：${label}`,
        `处理意见：${decision}`,
        objection.status === 'upheld' ? '该作品的入选资格已撤销，评选结果已重新冻结。' : '',
      ]
        .filter(Boolean)
        .join('\n'),
    })
  } catch (error) {
    req.payload.logger.warn({ err: error, objection: objection.id }, '[objections] notice not sent')
  }
}
