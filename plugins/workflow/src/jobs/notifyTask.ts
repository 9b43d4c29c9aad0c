import type { TaskConfig } from 'payload'

import { transitionMail } from '../lib/mailText'
import { workflowOptionsOf } from '../options'
import { refId } from '../service/lookups'
import type { TransitionRecord } from '../types'

export const NOTIFY_TASK = 'notifyEntryTransition'

/**
 * Tells the submitter of a transition by email, from the jobs queue: queued
 * in the transition's transaction (so a transition undone sends nothing),
 * run by the CMS process, retried with growing delays while the mail server
 * refuses. A submitter without an email address is skipped, not failed.
 */
export function notifyTransitionTask(): TaskConfig {
  return {
    slug: NOTIFY_TASK as never,
    label: '通知提交人作品状态变更',
    retries: { attempts: 6, backoff: { type: 'exponential', delay: 30_000 } },
    outputSchema: [{ name: 'sentTo', type: 'text' }],
    handler: async ({ input, req }) => {
      const options = workflowOptionsOf(req.payload.config)
      const record = input as unknown as TransitionRecord
      const { fields } = options
      const entry = (await req.payload.findByID({
        collection: options.entries,
        id: record.entryId,
        depth: 1,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as Record<string, unknown> | null
      const submitter = entry?.[fields.submitter] as { email?: string } | null | undefined
      if (!entry || !submitter?.email) {
        return { output: { sentTo: '' } }
      }
      const campaign = entry[fields.campaign] as { title?: string } | null
      const mail = transitionMail({
        campaign: campaign?.title ?? '',
        title: String(entry[fields.title] ?? ''),
        number: String(entry[fields.number] ?? ''),
        action: record.action,
        to: record.to,
        reasonLabel: record.reason?.label,
        reasonText: record.reason?.text,
        link: `${options.siteUrl}/my/entries/${String(refId(entry.id))}`,
      })
      await req.payload.sendEmail({ to: submitter.email, subject: mail.subject, text: mail.text })
      return { output: { sentTo: submitter.email } }
    },
  }
}
