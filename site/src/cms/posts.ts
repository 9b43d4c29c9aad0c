/** A campaign's news posts. */
import type { Post } from '@exemplar/cms/payload-types'

import { cached, CACHE_TTL_MS, readKey } from './cache'
import { cms } from './client'
import { NotFound } from './errors'

const POST_SUMMARY_SELECT = { title: true, slug: true, publishedAt: true, excerpt: true } as const

/** A post as a news list shows it. */
export type PostSummary = Pick<Post, 'id' | keyof typeof POST_SUMMARY_SELECT>

export async function listPosts(campaignId: number, limit = 5): Promise<PostSummary[]> {
  const options = {
    collection: 'posts',
    where: { campaign: { equals: campaignId } },
    select: POST_SUMMARY_SELECT,
    depth: 0,
    limit,
    sort: '-publishedAt',
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  return result.docs
}

export async function getPostBySlug(slug: string): Promise<Post> {
  const options = {
    collection: 'posts',
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
    populate: { campaigns: { title: true, slug: true } },
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  const post = result.docs[0]
  if (!post) {
    throw new NotFound(`post ${slug}`)
  }
  return post
}
