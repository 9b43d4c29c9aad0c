import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/** Runs writes as one transaction on the request (joining one already open): all land, or none. */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const out = await work()
    if (started) {
      await commitTransaction(req)
    }
    return out
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}
