import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for the CMS's SMTP_URL. */
  url: string
  messages: ParsedMail[]
  /** The first message (already received or arriving within the timeout) that `match` accepts. */
  waitFor: (match: (mail: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>
  stop: () => Promise<void>
}

/**
 * A real SMTP server on a free local port that keeps every message it
 * receives, parsed (or, while `refuse` says so, turns every message away
 * with 451). No TLS and no authentication: it only ever listens on
 * loopback for the duration of a test.
 */
export async function startSmtpServer(
  options: { refuse?: () => boolean } = {},
): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (options.refuse?.()) {
        // A mail server that is down for the moment: 451, try again later.
        stream.resume()
        stream.on('end', () =>
          callback(Object.assign(new Error('try again later'), { responseCode: 451 })),
        )
        return
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  const waitFor = async (match: (mail: ParsedMail) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const found = messages.find(match)
      if (found) {
        return found
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(
      `no matching mail within ${timeoutMs} ms; received: ${messages.map((m) => m.subject).join(' | ')}`,
    )
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Everyone the message was addressed to, lower-cased. */
export function recipientsOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
  return to.flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()))
}
