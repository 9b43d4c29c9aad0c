import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { allNotifiers, smsOutboxNotifier, type Notifier } from './index'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

function outbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-sms-'))
  dirs.push(dir)
  return dir
}

describe('smsOutboxNotifier', () => {
  it('should write the text to a file named by the last four digits', async () => {
    const dir = outbox()
    await smsOutboxNotifier(dir).send(
      { phone: '13800138000' },
      { subject: 's', text: '作品已提交' },
    )
    const files = fs.readdirSync(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/-sms-8000\.txt$/)
    expect(fs.readFileSync(path.join(dir, files[0]!), 'utf8')).toBe(
      'To: 13800138000\n\n作品已提交\n',
    )
  })

  it('should send nothing to an account without a phone', async () => {
    const dir = outbox()
    await smsOutboxNotifier(dir).send({ email: 'a@example.org' }, { subject: 's', text: 't' })
    expect(fs.readdirSync(dir)).toHaveLength(0)
  })
})

describe('allNotifiers', () => {
  it('should still send on the other channels when one fails, then report the failure', async () => {
    const dir = outbox()
    const broken: Notifier = {
      send: () => Promise.reject(new Error('smtp down')),
    }
    const both = allNotifiers([broken, smsOutboxNotifier(dir)])
    await expect(both.send({ phone: '13900001111' }, { subject: 's', text: 't' })).rejects.toThrow(
      'smtp down',
    )
    expect(fs.readdirSync(dir)).toHaveLength(1)
  })
})
