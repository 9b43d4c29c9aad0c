import fs from 'node:fs'
import path from 'node:path'

import { outboxDir } from './email'

/** How the platform sends a text message: one sender for every plugin that needs one. */
export type SendSms = (to: string, text: string) => Promise<void>

/**
 * Text messages written as files into the mail outbox (`…-sms-<last four>.txt`)
 * and logged with the number masked: what a provider would send, readable by a
 * developer. A real SMS provider is another `SendSms`, chosen here.
 */
export function outboxSms(dir = outboxDir): SendSms {
  return async (to, text) => {
    await fs.promises.mkdir(dir, { recursive: true })
    const file = path.join(
      dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-sms-${to.slice(-4)}.txt`,
    )
    await fs.promises.writeFile(file, `To: ${to}\n\n${text}\n`)
    console.info(`[sms] outbox ${to.slice(0, 3)}****${to.slice(-4)} → ${file}`)
  }
}
