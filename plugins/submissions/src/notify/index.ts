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

/** SMS through the host's sender (an outbox file on a development machine, a provider in production). */
export function smsNotifier(sendSms: (to: string, text: string) => Promise<void>): Notifier {
  return {
    async send(to, message) {
      if (to.phone) {
        await sendSms(to.phone, message.text)
      }
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
