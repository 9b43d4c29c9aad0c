import { createHash, pbkdf2, randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'

/** A confirmation token as mailed (hex) and as stored (its SHA-256). */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('hex')
  return { token, hash: hashToken(token) }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * The cost of hashing a password (Payload: PBKDF2-SHA256, 25,000 rounds),
 * spent on the path that creates no account, so that a known address does
 * not answer measurably faster than a new one.
 */
export function spendPasswordHashTime(password: string): Promise<void> {
  return new Promise((resolve) => {
    pbkdf2(password, randomBytes(32).toString('hex'), 25_000, 512, 'sha256', () => resolve())
  })
}

const SIGNATURE = ['', '此邮件由系统发送，请勿直接回复。', 'Exemplar 征集平台']

/** What the address receives: a link to confirm, or word that it already has an account. */
export function registrationMail(
  kind: 'confirm' | 'registered',
  args: { siteUrl: string; token?: string; hours: number },
): { subject: string; text: string } {
  if (kind === 'confirm') {
    const link = `${args.siteUrl}/login?confirm=${args.token ?? ''}`
    return {
      subject: '【Exemplar 征集平台】请确认您的注册',
      text: [
        '您好：',
        '',
        '您正在注册 Exemplar 征集平台账号。请在 ' +
          `${args.hours} 小时内打开下面的链接完成注册，之后即可登录：`,
        link,
        '',
        '如非本人操作，请忽略此邮件，账号不会生效。',
        ...SIGNATURE,
      ].join('\n'),
    }
  }
  return {
    subject: '【Exemplar 征集平台】您的邮箱已注册过账号',
    text: [
      '您好：',
      '',
      '有人使用本邮箱申请注册 Exemplar 征集平台账号，而本邮箱已有账号，因此没有新建账号。',
      `如是您本人，请直接登录：${args.siteUrl}/login`,
      '如忘记密码，请联系活动组委会重置。',
      '',
      '如非本人操作，请忽略此邮件，您的账号不受影响。',
      ...SIGNATURE,
    ].join('\n'),
  }
}

/** Sends without ever failing the request: the answer must not depend on the mail server. */
export async function sendQuietly(
  req: PayloadRequest,
  to: string,
  mail: { subject: string; text: string },
): Promise<void> {
  try {
    await req.payload.sendEmail({ to, subject: mail.subject, text: mail.text })
  } catch (error) {
    req.payload.logger.error({ err: error }, `[participants] 注册邮件发送失败：${to}`)
  }
}
