import type { IncomingMessage, ServerResponse } from 'node:http'

/** Answers a request itself and returns true, or returns false for Next to answer. */
export type FastPaths = (req: IncomingMessage, res: ServerResponse) => boolean

/**
 * Where Next's server publishes the fast paths for cms/server.ts. A
 * process-wide symbol, because Next's bundle and the outer server are two
 * module graphs that share nothing else; this file stays free of imports so
 * the outer server loads nothing heavy through it.
 */
const FAST_PATHS = Symbol.for('exemplar.cms.fastPaths')

export function publishFastPaths(fastPaths: FastPaths): void {
  ;(globalThis as Record<symbol, unknown>)[FAST_PATHS] = fastPaths
}

export function publishedFastPaths(): FastPaths | undefined {
  return (globalThis as Record<symbol, FastPaths | undefined>)[FAST_PATHS]
}

/**
 * Next starts its instrumentation hook while `prepare()` runs but does not
 * wait for it, so the outer server waits here for Payload to be up.
 */
export async function fastPathsPublished(timeoutMs: number): Promise<FastPaths> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const fastPaths = publishedFastPaths()
    if (fastPaths) {
      return fastPaths
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Next did not publish the fast paths within ${timeoutMs} ms (src/instrumentation.ts)`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
