import { formatBeijingZh, OPEN_REVIEW_STATUSES, reminderDue } from '@exemplar/domain'
import type { PayloadRequest, TaskConfig } from 'payload'

import { reviewOptionsOf } from '../options'
import { allDocs, campaignForReview, refId, type Id } from '../service/lookups'
import type { ResolvedReviewOptions } from '../types'

export const REMIND_TASK = 'remindReviewers'
export const SEND_REMINDER_TASK = 'sendReviewReminder'

interface ReminderInput {
  reviewer: Id
  campaign: string
  dueAt: string
  hours: number
  titles: string[]
}

/** Tries to claim one reminder; false when another process (or an earlier run) already has. */
async function claim(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  review: Id,
  reviewer: Id,
  hours: number,
) {
  try {
    await req.payload.create({
      collection: options.slugs.reminders,
      data: { review, reviewer, hours } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return true
  } catch {
    return false
  }
}

/**
 * Finds unfinished tasks whose review is due within 72 h (then 24 h) and
 * queues one mail per reviewer per window. Each (task, window) is claimed by
 * a unique row before its mail is queued, so two CMS processes never send a
 * reminder twice; the mail itself goes through the queue with retries. A
 * process that dies between claim and queue loses that one reminder rather
 * than ever sending two.
 */
export async function remindReviewers(req: PayloadRequest, now = new Date()): Promise<number> {
  const options = reviewOptionsOf(req.payload.config)
  const open = await allDocs(
    req,
    options.slugs.reviews,
    { status: { in: [...OPEN_REVIEW_STATUSES] } },
    ['campaign', 'reviewer', 'entry'],
  )
  let queued = 0
  for (const campaignId of new Set(open.map((r) => String(refId(r.campaign))))) {
    const campaign = await campaignForReview(req, options, campaignId)
    if (!campaign?.dueAt) {
      continue
    }
    const rows = open.filter((r) => String(refId(r.campaign)) === campaignId)
    const sent = await allDocs(
      req,
      options.slugs.reminders,
      { review: { in: rows.map((r) => String(r.id)) } },
      ['review', 'hours'],
    )
    const due = new Map<string, { reviewer: Id; hours: number; entries: Id[] }>()
    for (const row of rows) {
      const hours = reminderDue(
        new Date(campaign.dueAt),
        now,
        sent.filter((s) => String(refId(s.review)) === String(row.id)).map((s) => Number(s.hours)),
      )
      const reviewer = refId(row.reviewer)
      if (
        hours === null ||
        reviewer === undefined ||
        !(await claim(req, options, row.id, reviewer, hours))
      ) {
        continue
      }
      const key = `${String(reviewer)}:${hours}`
      const slot = due.get(key) ?? { reviewer, hours, entries: [] }
      slot.entries.push(refId(row.entry)!)
      due.set(key, slot)
    }
    for (const slot of due.values()) {
      const entries = await allDocs(
        req,
        options.entries,
        { id: { in: slot.entries.map(String) } },
        [options.fields.title],
      )
      const input: ReminderInput = {
        reviewer: slot.reviewer,
        campaign: campaign.title,
        dueAt: campaign.dueAt,
        hours: slot.hours,
        titles: entries.map((e) => String(e[options.fields.title] ?? '')),
      }
      await req.payload.jobs.queue({
        task: SEND_REMINDER_TASK as never,
        input: input as never,
        queue: options.jobsQueue,
        req,
      })
      queued += 1
    }
  }
  return queued
}

export function remindReviewersTask(options: ResolvedReviewOptions): TaskConfig {
  return {
    slug: REMIND_TASK as never,
    label: '提醒评审专家完成评审',
    retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
    schedule: [{ cron: '7 * * * *', queue: options.jobsQueue }],
    outputSchema: [{ name: 'queued', type: 'number' }],
    // No transaction around the scan: a claim that loses the race fails its insert, which would abort
    // a MongoDB transaction; each claim is atomic on its own.
    handler: async ({ req }) => ({ output: { queued: await remindReviewers(req) } }),
  }
}

/** The reminder mail itself: retried with growing delays while the mail server refuses. */
export function sendReminderTask(): TaskConfig {
  return {
    slug: SEND_REMINDER_TASK as never,
    label: '发送评审提醒邮件',
    retries: { attempts: 6, backoff: { type: 'exponential', delay: 30_000 } },
    outputSchema: [{ name: 'sentTo', type: 'text' }],
    handler: async ({ input, req }) => {
      const options = reviewOptionsOf(req.payload.config)
      const reminder = input as unknown as ReminderInput
      const user = (await req.payload.findByID({
        collection: options.users,
        id: reminder.reviewer,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as { email?: string; [k: string]: unknown } | null
      if (!user?.email) {
        return { output: { sentTo: '' } }
      }
      const name = String(user[options.fields.userName] ?? '')
      const lines = [
        `${name}专家，您好：`,
        '',
        `“${reminder.campaign}”的专家评审将于 ${formatBeijingZh(reminder.dueAt)}（北京时间）截止，距今约 ${reminder.hours} 小时。您还有 ${reminder.titles.length} 件作品未提交评分：`,
        ...reminder.titles.map((t, i) => `${i + 1}. ${t}`),
        '',
        `请登录评审工作台完成评分：${options.siteUrl}/review`,
        '',
        '此邮件由系统自动发送，请勿直接回复。',
      ]
      await req.payload.sendEmail({
        to: user.email,
        subject: `【评审提醒】${reminder.campaign}：还有 ${reminder.titles.length} 件作品待评`,
        text: lines.join('\n'),
      })
      return { output: { sentTo: user.email } }
    },
  }
}
