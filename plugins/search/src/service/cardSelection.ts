import type { FlattenedField, Payload } from 'payload'

import type { ResolvedSearchOptions } from '../types'

/** What Payload's `find` takes as `select` and `populate` (kept loose: slugs are the host's). */
export interface CardSelection {
  select: Record<string, unknown>
  populate: Record<string, Record<string, unknown>>
}

/** What a card shows of each related document, by the entry's field that points at it. */
const RELATED: Record<string, Record<string, unknown>> = {
  campaign: { slug: true, title: true, year: true, tracks: { key: true, name: true } },
  theme: { title: true },
  organization: { name: true },
}
const IMAGE = {
  filename: true,
  url: true,
  mimeType: true,
  width: true,
  height: true,
  sizes: true,
}

const relationOf = (field: FlattenedField | undefined): string | null =>
  field &&
  (field.type === 'relationship' || field.type === 'upload') &&
  typeof field.relationTo === 'string'
    ? field.relationTo
    : null

const chosen = new WeakMap<object, CardSelection>()

/**
 * The fields a gallery card reads (service/search.ts), and of each related
 * document only what the card shows: a page of 24 cards read whole with
 * depth 1 costs about three times as much (whole campaigns with their rules,
 * histories, every image's metadata). The related collections are looked up
 * on the host's entries collection, so renamed slugs still work.
 */
export function cardSelection(payload: Payload, options: ResolvedSearchOptions): CardSelection {
  const entries = payload.collections[options.entries]
  const known = chosen.get(entries ?? payload)
  if (known) {
    return known
  }
  const fields = entries?.config.flattenedFields ?? []
  const byName = new Map(fields.map((f) => [f.name, f]))
  const populate: CardSelection['populate'] = {}
  for (const [name, shown] of Object.entries(RELATED)) {
    const slug = relationOf(byName.get(name))
    if (slug) {
      populate[slug] = { ...populate[slug], ...shown }
    }
  }
  const attachments = byName.get('attachments')
  const file =
    attachments && 'flattenedFields' in attachments
      ? attachments.flattenedFields.find((f) => f.name === 'file')
      : undefined
  const media = relationOf(file)
  if (media) {
    populate[media] = { ...populate[media], ...IMAGE }
  }
  const selection: CardSelection = {
    select: Object.fromEntries(
      [
        'number',
        'title',
        'abstract',
        'sections',
        'organization',
        'province',
        'campaign',
        'track',
        'theme',
        'award',
        'attachments',
        options.votesField,
      ]
        .filter((name) => byName.has(name))
        .map((name) => [name, true]),
    ),
    populate,
  }
  chosen.set(entries ?? payload, selection)
  return selection
}
