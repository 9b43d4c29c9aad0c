import fs from 'node:fs'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { Transport } from 'nodemailer'

import { dataDir } from './env'

/** Where messages go when no SMTP server is configured. */
export const outboxDir = process.env.EXEMPLAR_OUTBOX_DIR ?? path.join(dataDir, 'outbox')

/**
 * A nodemailer transport that writes each message as an .eml file into the
 * outbox folder and logs one line, so a fresh machine can "send" mail and a
 * developer can open what was sent. No network is touched.
 */
export function outboxTransport(dir = outboxDir): Transport<{ file: string; messageId: string }> {
  return {
    name: 'exemplar-outbox',
    version: '1',
    send(mail, callback) {
      const envelope = mail.message.getEnvelope()
      const messageId = mail.message.messageId()
      const chunks: Buffer[] = []
      const stream = mail.message.createReadStream()
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (error: Error) => callback(error, undefined as never))
      stream.on('end', () => {
        try {
          fs.mkdirSync(dir, { recursive: true })
          const stamp = new Date().toISOString().replace(/[:.]/g, '-')
          const file = path.join(dir, `${stamp}-${Math.random().toString(36).slice(2, 8)}.eml`)
          fs.writeFileSync(file, Buffer.concat(chunks))
          console.info(
            `[mail] outbox ${envelope.to.join(', ')} «${String(mail.data.subject ?? '')}» → ${file}`,
          )
          callback(null, { messageId, file })
        } catch (error) {
          callback(error as Error, undefined as never)
        }
      })
    },
  }
}

/** `SMTP_URL` (smtp://user:pass@host:port) sends for real; otherwise the outbox. */
export function emailAdapter() {
  const smtpUrl = process.env.SMTP_URL
  // Short timeouts: a hook may send inside a write transaction, which holds the
  // process's one write slot (sqliteTransactions.ts) while it waits.
  const transport = smtpUrl
    ? nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as Parameters<typeof nodemailer.createTransport>[0])
    : nodemailer.createTransport(outboxTransport())
  return nodemailerAdapter({
    defaultFromAddress: process.env.MAIL_FROM_ADDRESS ?? 'noreply@exemplar.example.org',
    defaultFromName: process.env.MAIL_FROM_NAME ?? 'Exemplar 征集平台',
    skipVerify: true,
    transport,
  })
}
