import { describe, expect, it } from 'vitest'

import { allNotifiers, smsNotifier, type Notifier } from './index'

/** A sender that keeps what it was asked to send. */
function recorder() {
  const sent: [string, string][] = []
  return { sent, send: async (to: string, text: string) => void sent.push([to, text]) }
}

describe('smsNotifier', () => {
  it("should hand the text and the number to the host's sender", async () => {
    const sms = recorder()
    await smsNotifier(sms.send).send({ phone: '13800138000' }, { subject: 's', text: '作品已提交' })
    expect(sms.sent).toEqual([['13800138000', '作品已提交']])
  })

  it('should send nothing to an account without a phone', async () => {
    const sms = recorder()
    await smsNotifier(sms.send).send({ email: 'a@example.org' }, { subject: 's', text: 't' })
    expect(sms.sent).toHaveLength(0)
  })
})

describe('allNotifiers', () => {
  it('should still send on the other channels when one fails, then report the failure', async () => {
    const sms = recorder()
    const broken: Notifier = {
      send: () => Promise.reject(new Error('smtp down')),
    }
    const both = allNotifiers([broken, smsNotifier(sms.send)])
    await expect(both.send({ phone: '13900001111' }, { subject: 's', text: 't' })).rejects.toThrow(
      'smtp down',
    )
    expect(sms.sent).toHaveLength(1)
  })
})
