/** Relationship fields as the CMS answers them: an id, or the document at depth ≥ 1. */

/** A populated relationship, or undefined when only its id came back. */
export function populated<T extends { id: number }>(
  value: number | T | null | undefined,
): T | undefined {
  return value !== null && typeof value === 'object' ? value : undefined
}

/** The id of a relationship, populated or not. */
export function relationId(value: number | { id: number } | null | undefined): number | undefined {
  if (value === null || value === undefined) {
    return undefined
  }
  return typeof value === 'object' ? value.id : value
}
