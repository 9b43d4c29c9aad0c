import {
  GALLERY_PAGE_SIZE,
  highlight,
  queryTokens,
  type GalleryQuery,
  type Segment,
} from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import { searchStoreOf } from '../store'
import type { FacetCount, Id } from '../store/types'
import type { ResolvedSearchOptions } from '../types'
import { cardSelection } from './cardSelection'

type Doc = Record<string, unknown> & { id: Id }

/** One card of the gallery: public fields only, as the public reads them. */
export interface SearchCard {
  id: Id
  number: string
  title: string
  /** The title cut into plain and matching parts, for <mark>. */
  titleParts: Segment[]
  /** About 120 characters of the abstract or section around the first match. */
  snippet: Segment[]
  institution: string | null
  province: string | null
  campaign: { slug: string; title: string; year: number }
  track: { key: string; name: string }
  theme: { id: Id; title: string } | null
  award: string | null
  /** As the campaign shows it (masked by the voting plugin's rules), or null. */
  votes: number | null
  image: { url: string; width: number | null; height: number | null; alt: string } | null
}

export interface SearchPage {
  totalDocs: number
  page: number
  totalPages: number
  limit: number
  docs: SearchCard[]
  facets: Record<string, FacetCount[]>
}

const SNIPPET = 120

function snippetOf(entry: Doc, q: string): Segment[] {
  const sections = (entry.sections ?? []) as { heading?: string; body?: string }[]
  const texts = [String(entry.abstract ?? ''), ...sections.map((s) => s.body ?? '')].filter(Boolean)
  const hit = q ? texts.find((t) => highlight(t, q).some((s) => s.hit)) : undefined
  return highlight(hit ?? texts[0] ?? '', q, SNIPPET)
}

function imageOf(entry: Doc): SearchCard['image'] {
  const rows = (entry.attachments ?? []) as { file?: unknown; caption?: string | null }[]
  for (const row of rows) {
    const file = row.file as Record<string, unknown> | null | undefined
    if (file && typeof file === 'object' && String(file.mimeType ?? '').startsWith('image/')) {
      const sizes = (file.sizes ?? {}) as Record<
        string,
        { url?: string | null; width?: number; height?: number }
      >
      const card = Object.values(sizes).find((s) => s?.url)
      return {
        url: String(card?.url ?? file.url),
        width: Number(card?.width ?? file.width) || null,
        height: Number(card?.height ?? file.height) || null,
        alt: row.caption || String(entry.title ?? ''),
      }
    }
  }
  return null
}

/**
 * The gallery's answer: the index finds the page's entries and counts the
 * facets; the cards are read through Payload as the requesting user
 * (`overrideAccess: false`), so only what the public may read appears and
 * the tallies are masked as each campaign shows them.
 */
export async function searchGallery(
  req: PayloadRequest,
  options: ResolvedSearchOptions,
  query: GalleryQuery,
): Promise<SearchPage> {
  const store = searchStoreOf(req.payload, { entries: options.entries, votes: options.votesField })
  const answer = await store.search({
    match: queryTokens(query.q),
    filters: query.filters,
    sort: query.sort,
    offset: (query.page - 1) * GALLERY_PAGE_SIZE,
    limit: GALLERY_PAGE_SIZE,
  })
  const found =
    answer.ids.length === 0
      ? []
      : ((
          await req.payload.find({
            collection: options.entries,
            where: { id: { in: answer.ids } },
            depth: 1,
            ...(cardSelection(req.payload, options) as object),
            limit: answer.ids.length,
            pagination: false,
            overrideAccess: false,
            user: req.user,
            req,
          })
        ).docs as unknown as Doc[])
  const byId = new Map(found.map((d) => [String(d.id), d]))
  const docs: SearchCard[] = []
  for (const id of answer.ids) {
    const entry = byId.get(String(id))
    if (!entry) {
      continue
    }
    const campaign = (entry.campaign ?? {}) as Doc
    const theme = entry.theme && typeof entry.theme === 'object' ? (entry.theme as Doc) : null
    const organization =
      entry.organization && typeof entry.organization === 'object'
        ? (entry.organization as Doc)
        : null
    const tracks = (campaign.tracks ?? []) as { key?: string; name?: string }[]
    const votes = entry[options.votesField]
    docs.push({
      id: entry.id,
      number: String(entry.number ?? ''),
      title: String(entry.title ?? ''),
      titleParts: highlight(String(entry.title ?? ''), query.q),
      snippet: snippetOf(entry, query.q),
      institution: organization ? String(organization.name ?? '') || null : null,
      province: typeof entry.province === 'string' ? entry.province : null,
      campaign: {
        slug: String(campaign.slug ?? ''),
        title: String(campaign.title ?? ''),
        year: Number(campaign.year ?? 0),
      },
      track: {
        key: String(entry.track ?? ''),
        name: tracks.find((t) => t.key === entry.track)?.name ?? String(entry.track ?? ''),
      },
      theme: theme ? { id: theme.id, title: String(theme.title ?? '') } : null,
      award: (entry.award as { name?: string | null } | undefined)?.name || null,
      votes: typeof votes === 'number' ? votes : null,
      image: imageOf(entry),
    })
  }
  return {
    totalDocs: answer.totalDocs,
    page: query.page,
    totalPages: Math.max(1, Math.ceil(answer.totalDocs / GALLERY_PAGE_SIZE)),
    limit: GALLERY_PAGE_SIZE,
    docs,
    facets: answer.facets,
  }
}
