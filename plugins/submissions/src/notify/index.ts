import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

export interface NotifyAddress {
  email?: string | null
  phone?: string | null
}

export interface NotifyMessage {
  subject: string
  text: string
  html?: string
}

/** One way of telling a submitter something; a real SMS provider is another implementation. */
export interface Notifier {
  send(to: NotifyAddress, message: NotifyMessage): Promise<void>
}

/** Email through Payload's adapter (SMTP, or the .eml outbox on a machine without one). */
export function emailNotifier(payload: Payload): Notifier {
  return {
    async send(to, message) {
      if (!to.email) {
        return
      }
      await payload.sendEmail({
        to: to.email,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      })
    },
  }
}

/** SMS written as text files into the outbox: what a provider would send, readable by a developer. */
export function smsOutboxNotifier(dir: string): Notifier {
  return {
    async send(to, message) {
      if (!to.phone) {
        return
      }
      await fs.promises.mkdir(dir, { recursive: true })
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-sms-${to.phone.slice(-4)}.txt`,
      )
      await fs.promises.writeFile(file, `To: ${to.phone}\n\n${message.text}\n`)
      console.info(`[sms] outbox ${to.phone.slice(0, 3)}****${to.phone.slice(-4)} → ${file}`)
    },
  }
}

/** Every channel gets the message; one failing does not stop the others. */
export function allNotifiers(notifiers: Notifier[]): Notifier {
  return {
    async send(to, message) {
      const results = await Promise.allSettled(notifiers.map((n) => n.send(to, message)))
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (failed) {
        throw failed.reason
      }
    },
  }
}
