import type { CollectionSlug } from 'payload'

export interface SearchPluginOptions {
  entries?: string
  campaigns?: string
  themes?: string
  /** The entry states the public reads (Exemplar: PUBLIC_ENTRY_STATES); only these are indexed. */
  publicStates: readonly string[]
  /** The entries' tally field, read live for "most voted". */
  votesField?: string
  /** Add the hooks and the index, but no route. */
  disabled?: boolean
}

export interface ResolvedSearchOptions {
  entries: CollectionSlug
  campaigns: CollectionSlug
  themes: CollectionSlug
  publicStates: readonly string[]
  votesField: string
}
