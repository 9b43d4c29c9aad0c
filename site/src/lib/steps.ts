/** The submission form's five steps, in order, with their names. */
export const STEPS = ['track', 'content', 'attachments', 'channel', 'review'] as const
export type Step = (typeof STEPS)[number]

export const STEP_LABELS: Record<Step, { zh: string; en: string }> = {
  track: { zh: '选择类别', en: 'Track and theme' },
  content: { zh: '填写内容', en: 'Content' },
  attachments: { zh: '上传附件', en: 'Attachments' },
  channel: { zh: '报送形式与声明', en: 'Channel and declarations' },
  review: { zh: '确认提交', en: 'Review and submit' },
}
