import { formatBeijing } from '../lib/deadline'
import { allNotifiers, emailNotifier, smsNotifier, type Notifier } from '../notify'
import type { Campaign, Doc, SubmissionsContext } from './types'

/** The channels of one service, made once: a notifier outlives a request. */
const channels = new WeakMap<SubmissionsContext, Notifier>()

function notifierOf(s: SubmissionsContext): Notifier {
  let notifier = channels.get(s)
  if (!notifier) {
    notifier =
      s.options.notifier ?? allNotifiers([emailNotifier(s.payload), smsNotifier(s.options.sendSms)])
    channels.set(s, notifier)
  }
  return notifier
}

/** The confirmation a submitter gets once an entry is submitted. */
export function confirmationOf(
  s: SubmissionsContext,
  user: unknown,
  entry: Doc,
  campaign: Campaign,
  now = new Date(),
): { subject: string; text: string } {
  const u = (user ?? {}) as { name?: string }
  const link = `${s.options.siteUrl}/my/entries/${entry.id}`
  const number = String(entry.number ?? entry.id)
  const subject = `作品已提交：${number}`
  const text = [
    `${u.name ?? '您好'}：`,
    '',
    `您报送至“${String(campaign.title ?? '')}”的作品《${String(entry.title ?? '')}》已提交成功。`,
    `作品编号：${number}`,
    `提交时间：${formatBeijing(now)}（北京时间）`,
    `查看进度：${link}`,
    '',
    '作品进入审核后将无法修改；审核开始前可在上面的页面撤回。',
  ].join('\n')
  return { subject, text }
}

/** Email (and SMS when the account has a phone); a failure is logged, the submission stands. */
export async function confirmEntry(
  s: SubmissionsContext,
  user: unknown,
  entry: Doc,
  campaign: Campaign,
): Promise<void> {
  const u = (user ?? {}) as { email?: string; phone?: string }
  try {
    await notifierOf(s).send(
      { email: u.email, phone: u.phone },
      confirmationOf(s, user, entry, campaign),
    )
  } catch (err) {
    s.payload.logger.error({ err, entry: entry.id }, '[submissions] confirmation not sent')
  }
}
