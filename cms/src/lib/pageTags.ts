import {
  campaignEntriesTag,
  campaignTag,
  certificateTag,
  entryTag,
  GALLERY_TAG,
  HOME_TAG,
  PUBLIC_ENTRY_STATES,
  resultsTag,
  showcaseTag,
  SHOWCASES_TAG,
  type EntryState,
} from '@exemplar/domain'
import type { ChangedDoc, FreshnessPluginOptions } from '@exemplar/plugin-freshness'

type Doc = Record<string, unknown> | null | undefined

/** A relation's id whether it arrived populated or as an id. */
const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined) {
    return null
  }
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return id === undefined || id === null ? null : String(id)
  }
  return String(value)
}

/** The tag `of` each campaign the documents belong to (an entry moved between campaigns: both). */
const campaignTags = (of: (id: string) => string, ...docs: Doc[]): string[] =>
  docs.map((d) => idOf(d?.campaign)).flatMap((id) => (id ? [of(id)] : []))

const isPublicEntry = (doc: Doc) => PUBLIC_ENTRY_STATES.includes(doc?.status as EntryState)

const isPublished = (doc: Doc) => doc?._status === 'published'

/**
 * Which public pages each collection's changes show on. An entry only
 * matters while it is (or was) on display, and changes its own page, its
 * campaign's lists and results (its award), the gallery and the home page's
 * numbers, not its neighbours' pages; a draft of a campaign or post only
 * once it is (or was) published. A snapshot or a certificate changes the
 * campaign's results and the gallery's award facet.
 */
export const PAGE_TAG_SOURCES: FreshnessPluginOptions['sources'] = {
  entries: ({ doc, previousDoc }: ChangedDoc) =>
    isPublicEntry(doc) || isPublicEntry(previousDoc)
      ? [
          entryTag(String(doc.id)),
          ...campaignTags(campaignEntriesTag, doc, previousDoc),
          ...campaignTags(resultsTag, doc, previousDoc),
          GALLERY_TAG,
          HOME_TAG,
        ]
      : [],
  campaigns: ({ doc, previousDoc }: ChangedDoc) =>
    isPublished(doc) || isPublished(previousDoc)
      ? [campaignTag(String(doc.id)), GALLERY_TAG, HOME_TAG]
      : [],
  themes: ({ doc, previousDoc }: ChangedDoc) => [
    ...campaignTags(campaignTag, doc, previousDoc),
    GALLERY_TAG,
  ],
  posts: ({ doc, previousDoc }: ChangedDoc) =>
    isPublished(doc) || isPublished(previousDoc)
      ? [...campaignTags(campaignTag, doc, previousDoc), HOME_TAG]
      : [],
  showcases: ({ doc, previousDoc }: ChangedDoc) =>
    isPublished(doc) || isPublished(previousDoc)
      ? [showcaseTag(String(doc.id)), SHOWCASES_TAG, HOME_TAG]
      : [],
  // The campaign page counts the institutions that pledged.
  pledges: ({ doc, previousDoc }: ChangedDoc) => campaignTags(campaignTag, doc, previousDoc),
  'result-snapshots': ({ doc }: ChangedDoc) => [...campaignTags(resultsTag, doc), GALLERY_TAG],
  certificates: ({ doc }: ChangedDoc) => [
    ...(typeof doc.number === 'string' ? [certificateTag(doc.number)] : []),
    ...campaignTags(resultsTag, doc),
  ],
}
