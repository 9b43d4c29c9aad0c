/**
 * Runs once when Next's server starts (also under cms/server.ts). It boots
 * Payload inside Next, the same instance Next's routes get from getPayload,
 * and publishes the fast paths built on it. One Payload per process: a second
 * instance for the fast paths cost the CMS about 300 MB of memory.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') {
    return
  }
  const [{ getPayload }, { default: config }, { createFastPaths }, { publishFastPaths }] =
    await Promise.all([
      import('payload'),
      import('./payload.config'),
      import('./fastPaths'),
      import('./fastPathsKey'),
    ])
  publishFastPaths(createFastPaths(await getPayload({ config, cron: true })))
}
