/**
 * Demo mode: the published demo accounts may exist and sign in. `npm start`
 * and `npm run dev` run in it; a production start (`npm start -- --production`,
 * compose) runs without it unless EXEMPLAR_DEMO=1 says otherwise. Outside
 * NODE_ENV=production (seeding, tests, development) demo is the default.
 * Import-free: cms/server.ts and the seed load it as well as Next.
 */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = env.EXEMPLAR_DEMO?.trim().toLowerCase()
  if (flag) {
    return ['1', 'true', 'yes'].includes(flag)
  }
  return env.NODE_ENV !== 'production'
}

/** A production process without demo mode: HSTS on, published demo passwords refused. */
export function isProductionMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production' && !isDemoMode(env)
}

/**
 * The demo accounts and the passwords the README and the seed publish
 * (seed/src/people.ts; a unit test keeps the two lists equal). Anyone can
 * read them, so a production CMS refuses to start while one still works.
 */
export const PUBLISHED_DEMO_ACCOUNTS: readonly { email: string; password: string }[] = [
  { email: 'admin@example.org', password: 'exemplar-admin' },
  { email: 'editor@example.org', password: 'exemplar-editor' },
  { email: 'reviewer@example.org', password: 'exemplar-reviewer' },
  { email: 'reviewer2@example.org', password: 'exemplar-reviewer' },
  { email: 'reviewer3@example.org', password: 'exemplar-reviewer' },
  { email: 'reviewer4@example.org', password: 'exemplar-reviewer' },
  { email: 'reviewer5@example.org', password: 'exemplar-reviewer' },
  { email: 'reviewer6@example.org', password: 'exemplar-reviewer' },
  { email: 'participant@example.org', password: 'exemplar-participant' },
  { email: 'partner@example.org', password: 'exemplar-partner' },
]
