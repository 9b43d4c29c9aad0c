import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { idOf } from '../lib/ids'

/** A field somewhere in a collection that can hold a reference to the media collection. */
interface MediaPath {
  collection: CollectionSlug
  /** Dotted query path (`attachments.file`, `recommendationForm`). */
  path: string
  /** The stored value is `{ relationTo, value }` (a field relating to several collections). */
  polymorphic: boolean
}

function pointsAt(field: FlattenedField, media: string): boolean | 'polymorphic' {
  if (field.type !== 'upload' && field.type !== 'relationship') {
    return false
  }
  const to = field.relationTo
  if (Array.isArray(to)) {
    return to.includes(media as never) ? 'polymorphic' : false
  }
  return to === media
}

function walk(
  fields: FlattenedField[],
  media: string,
  prefix: string,
  found: (path: string, polymorphic: boolean) => void,
): void {
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    const hit = pointsAt(field, media)
    if (hit) {
      found(path, hit === 'polymorphic')
    } else if (field.type === 'array' || field.type === 'group' || field.type === 'tab') {
      walk(field.flattenedFields, media, `${path}.`, found)
    } else if (field.type === 'blocks') {
      for (const block of field.blocks) {
        if (typeof block === 'object') {
          walk(block.flattenedFields, media, `${path}.`, found)
        }
      }
    }
  }
}

/**
 * Every upload or relationship field of every collection that can point at
 * `media`, at any depth (arrays, groups, blocks). Payload's own collections
 * (locks, preferences, jobs) do not count as a use of a file.
 */
export function mediaPaths(payload: Payload, media: CollectionSlug): MediaPath[] {
  const paths: MediaPath[] = []
  for (const collection of payload.config.collections) {
    if (collection.slug.startsWith('payload-')) {
      continue
    }
    walk(collection.flattenedFields, media, '', (path, polymorphic) =>
      paths.push({ collection: collection.slug as CollectionSlug, path, polymorphic }),
    )
  }
  return paths
}

/** The values found at a dotted path in a document, arrays flattened. */
function valuesAt(value: unknown, segments: readonly string[]): unknown[] {
  if (Array.isArray(value)) {
    return value.flatMap((v) => valuesAt(v, segments))
  }
  if (segments.length === 0) {
    return [value]
  }
  if (!value || typeof value !== 'object') {
    return []
  }
  const [head, ...rest] = segments
  return valuesAt((value as Record<string, unknown>)[head!], rest)
}

/**
 * Which of `ids` some document refers to (its current version or any stored
 * version, so a draft's picture is not lost either). Rich-text embeds are not
 * fields and are not seen: only participants' uploads are ever swept, and
 * those are referred to by entries and profiles, not by pages.
 */
export async function referencedMedia(
  payload: Payload,
  media: CollectionSlug,
  ids: readonly (number | string)[],
): Promise<Set<string>> {
  const used = new Set<string>()
  if (ids.length === 0) {
    return used
  }
  for (const { collection, path, polymorphic } of mediaPaths(payload, media)) {
    const queryPath = polymorphic ? `${path}.value` : path
    const top = path.split('.')[0]!
    const collect = (doc: unknown, prefix: string[]) => {
      for (const v of valuesAt(doc, [...prefix, ...path.split('.')])) {
        const ref =
          polymorphic && v && typeof v === 'object'
            ? (v as { relationTo?: unknown; value?: unknown }).relationTo === media
              ? idOf((v as { value?: unknown }).value)
              : undefined
            : idOf(v)
        if (ref !== undefined) {
          used.add(String(ref))
        }
      }
    }
    const current = await payload.find({
      collection,
      where: { [queryPath]: { in: ids } },
      select: { [top]: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of current.docs) {
      collect(doc, [])
    }
    if (payload.collections[collection]?.config.versions) {
      const versions = await payload.findVersions({
        collection,
        where: { [`version.${queryPath}`]: { in: ids } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
      for (const doc of versions.docs) {
        collect(doc, ['version'])
      }
    }
  }
  return used
}
