import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The cms/ folder, whichever process (Next, tsx, vitest) loads this file. */
export const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Git-ignored runtime data: the SQLite file, uploaded media, the mail outbox. */
export const dataDir = process.env.EXEMPLAR_DATA_DIR ?? path.resolve(cmsRoot, '..', 'data')

const DEVELOPMENT_SECRET = 'exemplar-development-secret-not-for-production'

/**
 * The secret that signs sessions. A development default keeps `npm run dev`
 * zero-config, but a production process refuses to run on it: a known secret
 * lets anyone mint an editor's token. `next build` evaluates the config too
 * but signs nothing, so it needs no secret.
 */
export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) {
    return secret
  }
  const building = process.env.NEXT_PHASE === 'phase-production-build'
  if (process.env.NODE_ENV === 'production' && !building) {
    throw new Error(
      'PAYLOAD_SECRET is not set. Set it to a long random string (openssl rand -hex 32) before running in production.',
    )
  }
  return DEVELOPMENT_SECRET
}

export const cmsPort = Number(process.env.CMS_PORT ?? 3000)
export const sitePort = Number(process.env.SITE_PORT ?? 4321)

/** The public site's origin: where certificates' QR codes and emails' links point. */
export const sitePublicUrl = (): string =>
  process.env.SITE_PUBLIC_URL ?? `http://localhost:${sitePort}`

/** Public origins allowed to call the API with credentials (CORS) and to post forms (CSRF). */
export function trustedOrigins(): string[] {
  const fromEnv = process.env.EXEMPLAR_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  if (fromEnv && fromEnv.length > 0) {
    return fromEnv
  }
  return [process.env.CMS_PUBLIC_URL ?? `http://localhost:${cmsPort}`, sitePublicUrl()]
}
