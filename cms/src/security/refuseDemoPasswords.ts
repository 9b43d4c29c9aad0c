import type { Payload } from 'payload'

import { isDemoMode } from '../lib/demo'
import { refuseBoot } from './bootRefusal'
import { accountsWithPublishedPasswords } from './publishedPasswords'

export function publishedPasswordsRefusal(emails: readonly string[]): string {
  return [
    `[security] 拒绝以生产模式启动：以下演示账号仍可用 README 公开的演示密码登录：${emails.join(', ')}。`,
    '请先以演示模式启动一次（EXEMPLAR_DEMO=1），在管理后台为这些账号设置新密码或删除它们，再以生产模式启动。',
    `Refusing to start in production mode: the demo accounts ${emails.join(', ')} still accept the passwords published in the README. ` +
      'Start once with EXEMPLAR_DEMO=1, change their passwords (or delete the accounts) in the admin, then start again.',
  ].join('\n')
}

/**
 * onInit: a production CMS (NODE_ENV=production) refuses to start while a
 * published demo password still signs in, unless demo mode is declared
 * (EXEMPLAR_DEMO=1), in which case it only warns, off the boot's path.
 * Seeding, tests and development (other NODE_ENVs) skip the hashing.
 */
export async function refuseDemoPasswords(payload: Payload): Promise<void> {
  if (process.env.NODE_ENV !== 'production') {
    return
  }
  if (isDemoMode()) {
    void accountsWithPublishedPasswords(payload).then(
      (emails) => {
        if (emails.length > 0) {
          payload.logger.warn(
            `[security] 演示模式：演示账号使用公开密码，切勿用于生产 / demo mode: these demo accounts accept their published passwords: ${emails.join(', ')}`,
          )
        }
      },
      (err: unknown) => payload.logger.error({ err }, '[security] demo password check failed'),
    )
    return
  }
  const emails = await accountsWithPublishedPasswords(payload)
  if (emails.length > 0) {
    refuseBoot(publishedPasswordsRefusal(emails))
  }
}
