import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'

import type { RoleKey } from '@exemplar/cms/access/cells'

import type { Json } from './api'

/** The access matrix's shared parts: its types, unique names, and the writes every fixture uses. */
export type Id = number | string
export type Doc = Record<string, unknown> & { id: Id }

export type SignedInRole = Exclude<RoleKey, 'anonymous'>

export interface World {
  payload: Payload
  users: Record<SignedInRole | 'other', Doc>
  tokens: Record<SignedInRole, string>
  openCampaign: Doc
  myOrganization: Doc
  myMedia: Doc
}

export interface CollectionFixtures {
  /** Named documents for reads and updates, made once. */
  kinds: Record<string, (w: World) => Promise<Doc>>
  /** Fresh documents to delete, where deleting the read fixtures would break the world. */
  deleteKinds?: Record<string, (w: World) => Promise<Doc>>
  /** Data a role allowed to create can store through REST and GraphQL (each call unique). */
  sample: (w: World, role: RoleKey) => Promise<Json>
  /** Create through multipart (uploads), not JSON. */
  upload?: true
  /** Payload mounts no REST routes for it: every call is 404 or 501. */
  noRest?: true
  /** Payload's own routes find it by `key` and only ever the caller's (preferences). */
  keyed?: true
}

let seq = 0
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}`

/** A fresh campaign entry number prefix (2–4 capital letters, unique like `unique`). */
export const uniqueEntryPrefix = () => {
  let n = ++seq
  let letters = ''
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters
    n = Math.floor(n / 26)
  } while (n > 0)
  return `Q${letters}`.slice(0, 4)
}

export const create = async (w: World, collection: string, data: Json, extra: Json = {}) =>
  (await w.payload.create({
    collection: collection as CollectionSlug,
    data: data as never,
    depth: 0,
    ...extra,
  })) as unknown as Doc

/** Payload's own collections skip the hooks that need a signed-in user. */
export const raw = async (w: World, collection: string, data: Json) =>
  (await w.payload.db.create({ collection: collection as CollectionSlug, data })) as unknown as Doc

export async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#0a0' } })
    .png()
    .toBuffer()
}

export const entry = (w: World, status: string, owner?: Doc, reviewers: Doc[] = []) =>
  create(w, 'entries', {
    title: unique(`作品 ${status}`),
    campaign: w.openCampaign.id,
    track: 'case',
    status,
    submittedBy: owner?.id ?? null,
    reviewers: reviewers.map((r) => r.id),
  })

export async function reviewRow(w: World, reviewer: Doc): Promise<Doc> {
  return create(w, 'reviews', {
    entry: (await entry(w, 'accepted')).id,
    reviewer: reviewer.id,
    campaign: w.openCampaign.id,
    track: 'case',
    status: 'assigned',
  })
}

export const sameAs = (data: Json) => async () => data
