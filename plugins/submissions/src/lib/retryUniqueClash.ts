import { ValidationError, type CollectionSlug, type Payload } from 'payload'

const ATTEMPTS = 5

/** The paths of a collection's unique fields (the host's entry `number`, for entries). */
function uniquePaths(payload: Payload, collection: CollectionSlug): Set<string> {
  const fields = payload.collections[collection]?.config.flattenedFields ?? []
  return new Set(fields.filter((f) => 'unique' in f && f.unique).map((f) => f.name))
}

/**
 * Runs a create again when it lost a race on a unique field the server fills
 * in itself: the host numbers entries from the highest stored number, and on
 * a database whose transactions can read the same highest number at once
 * (MongoDB) the unique index refuses the second. The next attempt reads the
 * winner's number. Any other refusal, and the last clash, are thrown.
 */
export async function retryUniqueClash<T>(
  payload: Payload,
  collection: CollectionSlug,
  create: () => Promise<T>,
): Promise<T> {
  const unique = uniquePaths(payload, collection)
  for (let attempt = 1; ; attempt++) {
    try {
      return await create()
    } catch (error) {
      const clash =
        error instanceof ValidationError &&
        error.data.errors.length > 0 &&
        error.data.errors.every((e) => unique.has(e.path))
      if (!clash || attempt >= ATTEMPTS) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt))
    }
  }
}
