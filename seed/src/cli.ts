/**
 * `npm run seed` — fills the database named by DATABASE_URI (the embedded
 * SQLite file by default) with the demo data. `--if-empty` does nothing when
 * campaigns already exist, which is what `npm start` uses.
 *
 * The demo data holds accounts whose passwords the README publishes, so it is
 * written only in demo mode: EXEMPLAR_DEMO=1, or outside NODE_ENV=production
 * when EXEMPLAR_DEMO is unset (cms/src/lib/demo.ts). A production start
 * (EXEMPLAR_DEMO=0) still runs this step: opening Payload brings an embedded
 * database's schema up to date, and nothing else is written.
 */
import config from '@exemplar/cms/config'
import { isDemoMode } from '@exemplar/cms/lib/demo'
import { getPayload } from 'payload'

import { DEMO_USERS, seed } from './index'

const DEMO_WARNING =
  '[seed] ⚠ 演示数据包含使用公开密码的演示账号，任何人都能登录；切勿用于生产。 / The demo data has accounts with published passwords: never in production.'

async function main(): Promise<number> {
  const ifEmpty = process.argv.includes('--if-empty')
  const demo = isDemoMode()
  const started = Date.now()
  const payload = await getPayload({ config })
  try {
    if (!demo) {
      if (ifEmpty) {
        console.info(
          '[seed] 生产模式：数据库结构已就绪，不写入演示数据。 / production: no demo data.',
        )
        return 0
      }
      console.error(
        '[seed] 未写入：演示数据包含公开密码的演示账号，生产模式下须显式要求（EXEMPLAR_DEMO=1）。 / Not seeding: set EXEMPLAR_DEMO=1 to write the demo accounts.',
      )
      return 1
    }
    if (ifEmpty) {
      const { totalDocs } = await payload.count({ collection: 'campaigns' })
      if (totalDocs > 0) {
        console.info(`[seed] 数据库已有 ${totalDocs} 个征集活动，跳过演示数据。`)
        return 0
      }
    }
    console.warn(DEMO_WARNING)
    console.info('[seed] 正在写入演示数据 …')
    const summary = await seed(payload, { log: (line) => console.info(`[seed] ${line}`) })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.info(
      `[seed] 完成（${seconds} s）：活动 ${summary.campaigns}，主题 ${summary.themes}，作品 ${summary.entries}，机构 ${summary.organizations}，新建 ${summary.created} 条记录。`,
    )
    console.info('[seed] 演示账号 / demo accounts:')
    for (const user of DEMO_USERS) {
      console.info(`[seed]   ${user.role.padEnd(12)} ${user.email.padEnd(26)} ${user.password}`)
    }
    console.warn(DEMO_WARNING)
    return 0
  } finally {
    await payload.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[seed] 失败：', error)
    process.exit(1)
  },
)
