import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp, { type SharpOptions } from 'sharp'

import { BEIJING_ZH_DATE_PATTERN } from '@exemplar/domain'

import { collections } from './collections'
import { databaseAdapter } from './db'
import { emailAdapter } from './email'
import { payloadSecret, trustedOrigins } from './env'
import { plugins } from './plugins'
import { adminTimezones } from './lib/dates'
import { refuseDemoPasswords } from './security/refuseDemoPasswords'
import { MAX_INPUT_PIXELS } from './collections/Media'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.CMS_PUBLIC_URL ?? '',
  admin: {
    user: 'users',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Exemplar 征集平台' },
    // Dates read as Chinese write them; fields made with beijingDate also show Beijing's clock.
    dateFormat: BEIJING_ZH_DATE_PATTERN,
    timezones: adminTimezones,
    // Not Gravatar (the default): the admin's CSP loads no third-party images, and Gravatar
    // would learn a hash of every editor's email (and is often unreachable in mainland China).
    avatar: 'default',
  },
  // Chinese first: a browser that asks for neither language gets Chinese.
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  collections,
  plugins,
  editor: lexicalEditor(),
  db: databaseAdapter(),
  email: emailAdapter(),
  secret: payloadSecret(),
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  // Every sharp call Payload makes (probing sizes too) is capped, not only the re-encode.
  sharp: ((input?: Parameters<typeof sharp>[0], options?: SharpOptions) =>
    sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, ...options })) as typeof sharp,
  graphQL: { disablePlaygroundInProduction: true },
  telemetry: false,
  onInit: refuseDemoPasswords,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
