/** The cache key of a collection read: its options, which are all the SDK sends. */
export function readKey(options: { collection: string }): string {
  return JSON.stringify(options)
}
