import fs from 'node:fs'
import path from 'node:path'

/**
 * What the CMS's outbox holds (mail as .eml files, text messages as
 * `…-sms-<last four>.txt`, see cms/src/email.ts and cms/src/sms.ts), read
 * the way a person reads their inbox: the newest message to one address.
 */

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`)
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'))
}

const sixDigits = (text: string | undefined) =>
  text ? /(?<!\d)\d{6}(?!\d)/.exec(text)?.[0] : undefined

const filesIn = (dataDir: string, suffix: string): string[] => {
  const outbox = path.join(dataDir, 'outbox')
  return fs.existsSync(outbox)
    ? fs
        .readdirSync(outbox)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .reverse()
        .map((f) => path.join(outbox, f))
    : []
}

/** The text of the newest text message to `mobile`, if any yet. */
export function newestSms(dataDir: string, mobile: string): string | undefined {
  for (const file of filesIn(dataDir, `-sms-${mobile.slice(-4)}.txt`)) {
    const text = fs.readFileSync(file, 'utf8')
    if (text.startsWith(`To: ${mobile}\n`)) {
      return text.slice(mobile.length + 4)
    }
  }
  return undefined
}

/** The decoded body of the newest mail to `address`, if any yet. */
export function newestMail(dataDir: string, address: string): string | undefined {
  for (const file of filesIn(dataDir, '.eml')) {
    const raw = fs.readFileSync(file, 'utf8')
    const split = raw.search(/\r?\n\r?\n/)
    const head = raw.slice(0, split)
    const body = raw.slice(split).trim()
    if (!head.toLowerCase().includes(`to: ${address}`)) {
      continue
    }
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase()
    return encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body
  }
  return undefined
}

/** The six-digit code in the newest text message to `mobile`. */
export const codeInSmsOutbox = (dataDir: string, mobile: string) =>
  sixDigits(newestSms(dataDir, mobile))

/** The six-digit code in the newest mail to `address`. */
export const codeInOutbox = (dataDir: string, address: string) =>
  sixDigits(newestMail(dataDir, address))
