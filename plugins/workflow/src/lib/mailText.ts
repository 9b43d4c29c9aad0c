import {
  ENTRY_ACTION_LABELS,
  ENTRY_STATE_LABELS,
  type EntryAction,
  type EntryState,
} from '@exemplar/domain'

export interface TransitionMail {
  campaign: string
  title: string
  number: string
  action: EntryAction
  to: EntryState
  reasonLabel?: string | null
  reasonText?: string | null
  link: string
}

/** What the submitter is told of a move: the state, the reason when there is one, and where to look. */
export function transitionMail(m: TransitionMail): { subject: string; text: string } {
  const action = ENTRY_ACTION_LABELS[m.action].zh
  const state = ENTRY_STATE_LABELS[m.to].zh
  const lines = [
    '您好：',
    '',
    `您在“${m.campaign}”中提交的作品“${m.title}”${m.number ? `（编号 ${m.number}）` : ''}已${action}，当前状态：${state}。`,
  ]
  if (m.reasonLabel) {
    lines.push(`原因：${m.reasonLabel}`)
  }
  if (m.reasonText) {
    lines.push(`说明：${m.reasonText}`)
  }
  if (m.to === 'returned') {
    lines.push('', '请按说明修改后重新提交。')
  }
  lines.push('', `查看详情：${m.link}`, '', '此邮件由系统发送，请勿直接回复。')
  return { subject: `【${m.campaign}】作品“${m.title}”${action}`, text: lines.join('\n') }
}
