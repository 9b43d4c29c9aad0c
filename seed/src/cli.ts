/**
 * `npm run seed` — fills the database named by DATABASE_URI (the embedded
 * SQLite file by default) with the demo data. `--if-empty` does nothing when
 * campaigns already exist, which is what `npm start` uses.
 */
import config from '@exemplar/cms/config'
import { getPayload } from 'payload'

import { DEMO_USERS, seed } from './index'

async function main() {
  const ifEmpty = process.argv.includes('--if-empty')
  const started = Date.now()
  const payload = await getPayload({ config })
  try {
    if (ifEmpty) {
      const { totalDocs } = await payload.count({ collection: 'campaigns' })
      if (totalDocs > 0) {
        console.info(`[seed] 数据库已有 ${totalDocs} 个征集活动，跳过演示数据。`)
        return
      }
    }
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
  } finally {
    await payload.destroy()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[seed] 失败：', error)
    process.exit(1)
  },
)
