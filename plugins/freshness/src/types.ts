import type { CollectionSlug, PayloadRequest } from 'payload'

/** A change to one document: the document as saved (or deleted) and as it was. */
export interface ChangedDoc {
  doc: Record<string, unknown>
  previousDoc?: Record<string, unknown> | null
  operation: 'create' | 'update' | 'delete'
  req: PayloadRequest
}

/** The tags of the pages a change shows on; none when no public page shows the document. */
export type PageTagsOf = (change: ChangedDoc) => string[] | Promise<string[]>

export interface FreshnessPluginOptions {
  /** Per host collection, the tags its changes invalidate. */
  sources: Partial<Record<CollectionSlug, PageTagsOf>>
  /** The collection the changes are recorded in (default `page-changes`). */
  slug?: string
  disabled?: boolean
}

export interface ResolvedFreshnessOptions {
  slug: CollectionSlug
}
