import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { outboxSms } from './sms'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

describe('outboxSms', () => {
  it('should write the text to a file named by the last four digits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-sms-'))
    dirs.push(dir)
    await outboxSms(dir)('13800138000', '作品已提交')
    const files = fs.readdirSync(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/-sms-8000\.txt$/)
    expect(fs.readFileSync(path.join(dir, files[0]!), 'utf8')).toBe(
      'To: 13800138000\n\n作品已提交\n',
    )
  })
})
