/**
 * A refusal to boot, raised inside Next's Payload (onInit) and read by
 * cms/server.ts: Next logs an instrumentation error and carries on, so the
 * outer server would wait for fast paths that never come and exit 0. A
 * process-wide symbol, as in fastPathsKey.ts: the two module graphs share
 * nothing else. Import-free for the outer server.
 */
const BOOT_REFUSAL = Symbol.for('exemplar.cms.bootRefusal')

/** Records why this process must not serve, and throws it. */
export function refuseBoot(message: string): never {
  ;(globalThis as Record<symbol, unknown>)[BOOT_REFUSAL] = message
  throw new Error(message)
}

export function bootRefusal(): string | undefined {
  return (globalThis as Record<symbol, string | undefined>)[BOOT_REFUSAL]
}

/** Rejects as soon as a refusal is recorded; never settles otherwise (until `timeoutMs`). */
export async function bootRefused(timeoutMs: number): Promise<never> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const message = bootRefusal()
    if (message) {
      throw new Error(message)
    }
    await new Promise((resolve) => setTimeout(resolve, 25).unref())
  }
  return new Promise<never>(() => undefined)
}
