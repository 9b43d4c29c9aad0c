import { optionsFrom, VERIFICATION_LABELS } from '@exemplar/domain'
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  Field,
  FieldAccess,
  Payload,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

import { idOf } from '../lib/ids'

export const VERIFICATION_STATES = ['pending', 'verified', 'rejected'] as const
export type VerificationState = (typeof VERIFICATION_STATES)[number]

/** Fields every verified kind of participant carries; only editors write them. */
export function verificationFields(
  isEditor: (user: unknown) => boolean,
  /** Who reads the editors' note; everyone when absent. */
  noteRead?: FieldAccess,
): Field[] {
  const editorsOnly: FieldAccess = ({ req }) => isEditor(req.user)
  return [
    {
      name: 'verification',
      label: { zh: '认证状态', en: 'Verification' },
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: optionsFrom(VERIFICATION_LABELS),
      access: { create: editorsOnly, update: editorsOnly },
      admin: { position: 'sidebar' },
    },
    {
      name: 'verificationNote',
      label: { zh: '审核意见', en: 'Verification note' },
      type: 'textarea',
      maxLength: 1000,
      access: { create: editorsOnly, update: editorsOnly, ...(noteRead ? { read: noteRead } : {}) },
      admin: {
        position: 'sidebar',
        description: {
          zh: '驳回时必填，将通过邮件告知申请人',
          en: 'Required to reject; emailed to the applicant',
        },
      },
    },
    verificationDecidedAtField,
  ]
}

/** When an editor last verified or rejected; set by the server. */
export const verificationDecidedAtField: Field = {
  name: 'verificationDecidedAt',
  label: { zh: '审核时间', en: 'Decided at' },
  type: 'date',
  access: { create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
}

interface VerificationHooksArgs {
  isEditor: (user: unknown) => boolean
  /** What the applicant calls the thing under review, e.g. 机构认证. */
  subject: string
  /** Fields whose change by the applicant sends a verified document back to review. */
  reviewedFields: string[]
  /** Who is told, and the name of the document in the message. */
  recipient: (
    doc: Record<string, unknown>,
    req: PayloadRequest,
  ) => Promise<{ email?: string; greeting: string; title: string } | undefined>
}

/** A Chinese salutation with the person's name when we know it. */
export const greet = (name: unknown) =>
  typeof name === 'string' && name.trim() ? `${name.trim()}，您好` : '您好'

const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'verificationDecidedAt'])

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === ''

/**
 * Verification rules shared by institutions, doctor profiles and media
 * partners: a rejection states its reason, a decision is time-stamped, an
 * applicant's edit of a reviewed field sends the document back to review,
 * and the applicant is emailed the outcome in Chinese.
 */
export function verificationHooks(args: VerificationHooksArgs): {
  beforeChange: CollectionBeforeChangeHook
  afterChange: CollectionAfterChangeHook
} {
  const beforeChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
    const previous = (originalDoc?.verification as VerificationState | undefined) ?? 'pending'
    const next = (data.verification as VerificationState | undefined) ?? previous
    if (next !== previous || (operation === 'create' && next !== 'pending')) {
      const note = data.verificationNote ?? originalDoc?.verificationNote
      if (next === 'rejected' && isBlank(note)) {
        throw new ValidationError({
          collection: req.routeParams?.collection as string | undefined,
          errors: [
            {
              path: 'verificationNote',
              message: '驳回须填写审核意见（verificationNote），说明未通过的原因',
            },
          ],
          req,
        })
      }
      if (next !== 'pending') {
        return { ...data, verificationDecidedAt: new Date().toISOString() }
      }
    }
    if (operation === 'update' && previous !== 'pending' && !args.isEditor(req.user)) {
      const changed = (fields: string[]) =>
        fields.some(
          (f) => f in data && JSON.stringify(data[f]) !== JSON.stringify(originalDoc?.[f]),
        )
      // Approved: what an editor checked is no longer what is on file. Rejected: the email
      // asked for changes, so any change is the resubmission editors wait for.
      const resubmitted =
        previous === 'verified'
          ? changed(args.reviewedFields)
          : changed(Object.keys(data).filter((f) => !SYSTEM_FIELDS.has(f)))
      if (resubmitted) {
        return { ...data, verification: 'pending' }
      }
    }
    return data
  }

  // Only a decision on an existing application is news to its owner; documents created
  // already decided (the seed, an editor's own entry) send nothing.
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
    const next = doc.verification as VerificationState
    if (operation !== 'update' || next === 'pending' || previousDoc?.verification === next) {
      return doc
    }
    await notifyDecision(req.payload, await args.recipient(doc, req), args.subject, next, doc)
    return doc
  }

  return { beforeChange, afterChange }
}

async function notifyDecision(
  payload: Payload,
  recipient: { email?: string; greeting: string; title: string } | undefined,
  subject: string,
  state: 'verified' | 'rejected',
  doc: Record<string, unknown>,
): Promise<void> {
  if (!recipient?.email) {
    payload.logger.warn(
      `[participants] ${subject}「${recipient?.title ?? doc.id}」无收件邮箱，未发送审核通知`,
    )
    return
  }
  const outcome = state === 'verified' ? '已通过审核' : '未通过审核'
  const lines = [
    recipient.greeting,
    '',
    `您提交的${subject}「${recipient.title}」${outcome}。`,
    ...(state === 'rejected'
      ? [
          '',
          `审核意见：${String(doc.verificationNote ?? '')}`,
          '',
          '请根据审核意见修改后重新提交。',
        ]
      : ['', '现在可以登录平台参与活动。']),
    '',
    'Exemplar 征集平台',
  ]
  try {
    await payload.sendEmail({
      to: recipient.email,
      subject: `【Exemplar 征集平台】${subject}${outcome}`,
      text: lines.join('\n'),
    })
  } catch (error) {
    // The decision stands even if the mail server is down; editors see the log.
    payload.logger.error({ err: error }, `[participants] 审核通知发送失败：${recipient.email}`)
  }
}

/** A user's email and name, for messages about what they own. */
export async function userContact(
  req: PayloadRequest,
  users: CollectionSlug,
  id: unknown,
): Promise<{ email?: string; name?: string } | undefined> {
  const userId = idOf(id)
  if (userId === undefined) {
    return undefined
  }
  const user = await req.payload
    .findByID({
      collection: users,
      id: userId,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    .catch(() => null)
  if (!user) {
    return undefined
  }
  const u = user as { email?: unknown; name?: unknown }
  return {
    email: typeof u.email === 'string' ? u.email : undefined,
    name: typeof u.name === 'string' ? u.name : undefined,
  }
}
