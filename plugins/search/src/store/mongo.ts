import type { PayloadRequest } from 'payload'

import { countFacets } from './sqlite'
import type { Id, SearchAnswer, SearchRequest, SearchStore } from './types'

/* The slice of Mongoose this store uses, typed loosely: the adapter owns the connection. */
/* eslint-disable @typescript-eslint/no-explicit-any */
interface MongooseAdapterLike {
  connection: { collection: (name: string) => any }
  collections: Record<string, any>
  sessions?: Record<string, any>
}

const DOCS = 'search_docs'

/** The stored field each facet filters and groups on, and its label. */
const FACET_FIELDS = {
  year: { value: 'year', label: 'year' },
  campaign: { value: 'campaign_slug', label: 'campaign_title' },
  theme: { value: 'theme_id', label: 'theme_title' },
  track: { value: 'track', label: 'track_name' },
  province: { value: 'province', label: 'province' },
  award: { value: 'award', label: 'award' },
} as const

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * MongoDB: one document per public entry in `search_docs`, its bigram and
 * unigram tokens as arrays under multikey indexes (the self-managed text
 * index has no Chinese). The tokens narrow the candidates through the index
 * (`$all` of the query's bigrams); the exact substring is then checked on
 * the folded fields, so the answer equals the oracle's. Writes take the
 * request's session, so they commit with the entry.
 */
export function mongoSearchStore(
  db: MongooseAdapterLike,
  names: { entries: string; votes: string },
): SearchStore {
  const docs = () => db.connection.collection(DOCS)
  const session = async (req?: PayloadRequest) => {
    const id = req?.transactionID ? String(await req.transactionID) : undefined
    return id ? db.sessions?.[id] : undefined
  }
  const textMatch = (request: SearchRequest): Record<string, unknown> => {
    const m = request.match
    if (!m) {
      return {}
    }
    const exact = { folded: { $regex: escapeRegex(m.folded) } }
    return m.kind === 'unigram'
      ? { unigrams: m.token, ...exact }
      : { bigrams: { $all: [...new Set(m.tokens)] }, ...exact }
  }
  const filterMatch = (request: SearchRequest): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [facet, value] of Object.entries(request.filters)) {
      const field = FACET_FIELDS[facet as keyof typeof FACET_FIELDS].value
      out[field] = field === 'year' ? Number(value) : value
    }
    return out
  }
  const sortOf = (sort: SearchRequest['sort']): Record<string, 1 | -1> =>
    sort === 'newest'
      ? { created_at: -1, _id: -1 }
      : sort === 'votes'
        ? { votes: -1, _id: -1 }
        : { award_rank: -1, votes: -1, _id: -1 }

  return {
    async ensure() {
      await docs().createIndex({ bigrams: 1 })
      await docs().createIndex({ unigrams: 1 })
      await docs().createIndex({ created_at: -1 })
      await docs().createIndex({ campaign_id: 1 })
      await docs().createIndex({ theme_id: 1 })
    },

    async put(req, doc) {
      const bigrams = [...new Set(doc.tokens.bigrams.split(' ').filter((t) => t !== 'x'))]
      await docs().replaceOne(
        { _id: String(doc.entryId) },
        {
          _id: String(doc.entryId),
          campaign_id: String(doc.campaignId),
          campaign_slug: doc.campaignSlug,
          campaign_title: doc.campaignTitle,
          year: doc.year,
          track: doc.track,
          track_name: doc.trackName,
          theme_id: doc.themeId === null ? null : String(doc.themeId),
          theme_title: doc.themeTitle,
          province: doc.province,
          award: doc.award,
          award_rank: doc.awardRank,
          created_at: doc.createdAt,
          bigrams,
          unigrams: doc.tokens.unigrams.split(' ').filter(Boolean),
          folded: doc.folded,
        },
        { upsert: true, session: await session(req) },
      )
    },

    async remove(req, entryId) {
      await docs().deleteOne({ _id: String(entryId) }, { session: await session(req) })
    },

    async relabelCampaign(req, campaignId, labels) {
      const s = await session(req)
      await docs().updateMany(
        { campaign_id: String(campaignId) },
        { $set: { campaign_slug: labels.slug, campaign_title: labels.title, year: labels.year } },
        { session: s },
      )
      for (const [track, name] of Object.entries(labels.trackNames)) {
        await docs().updateMany(
          { campaign_id: String(campaignId), track },
          { $set: { track_name: name } },
          { session: s },
        )
      }
    },

    async relabelTheme(req, themeId, title) {
      await docs().updateMany(
        { theme_id: String(themeId) },
        { $set: { theme_title: title } },
        { session: await session(req) },
      )
    },

    async search(request): Promise<SearchAnswer> {
      const group: Record<string, string> = {}
      for (const f of Object.values(FACET_FIELDS)) {
        group[f.value] = `$${f.value}`
        group[f.label] = `$${f.label}`
      }
      const entries = db.collections[names.entries]?.collection?.collectionName ?? names.entries
      const [result] = await docs()
        .aggregate([
          { $match: textMatch(request) },
          {
            $facet: {
              combos: [{ $group: { _id: group, n: { $sum: 1 } } }],
              page: [
                { $match: filterMatch(request) },
                // The live tally, as the vote path keeps it on the entry.
                { $addFields: { entryObjectId: { $toObjectId: '$_id' } } },
                {
                  $lookup: {
                    from: entries,
                    localField: 'entryObjectId',
                    foreignField: '_id',
                    as: 'entry',
                    pipeline: [{ $project: { [names.votes]: 1 } }],
                  },
                },
                { $addFields: { votes: { $ifNull: [{ $first: `$entry.${names.votes}` }, 0] } } },
                { $sort: sortOf(request.sort) },
                { $skip: request.offset },
                { $limit: request.limit },
                { $project: { _id: 1 } },
              ],
            },
          },
        ])
        .toArray()
      const combos = (result?.combos ?? []).map(
        (c: { _id: Record<string, unknown>; n: number }) => ({
          ...c._id,
          n: c.n,
        }),
      )
      return {
        ...countFacets(combos, request),
        ids: (result?.page ?? []).map((p: { _id: string }) => p._id as Id),
      }
    },

    async size() {
      return Number(await docs().countDocuments({}))
    },

    async clear(req) {
      await docs().deleteMany({}, { session: await session(req) })
    },
  }
}
