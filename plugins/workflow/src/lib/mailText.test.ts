import { describe, expect, it } from 'vitest'

import { transitionMail } from './mailText'

describe('transitionMail', () => {
  const base = {
    campaign: '健康中国 医者先行',
    title: '社区慢病管理',
    number: '2026-YZ0007',
    link: 'https://x.example/my/entries/7',
  }

  it('should name the campaign, entry, action, new state, reason and link', () => {
    const mail = transitionMail({
      ...base,
      action: 'return',
      to: 'returned',
      reasonLabel: '材料不全',
      reasonText: '缺少推广情况',
    })
    expect(mail.subject).toBe('【健康中国 医者先行】作品“社区慢病管理”退回修改')
    expect(mail.text).toContain('（编号 2026-YZ0007）已退回修改，当前状态：退回修改。')
    expect(mail.text).toContain('原因：材料不全\n说明：缺少推广情况')
    expect(mail.text).toContain('请按说明修改后重新提交。')
    expect(mail.text).toContain('查看详情：https://x.example/my/entries/7')
  })

  it('should leave out the reason lines when there is none', () => {
    const mail = transitionMail({ ...base, action: 'accept', to: 'accepted' })
    expect(mail.text).not.toContain('原因：')
    expect(mail.text).not.toContain('重新提交')
    expect(mail.text).toContain('当前状态：审核通过·展示中')
  })
})
