import type { CampaignDef, PostDef } from './types'

/**
 * A campaign's news: its launch post, then the posts its definition lists.
 * The excerpt stands above the body in lists and on the post's page, so the
 * body never opens by repeating it.
 */
export function campaignPosts(campaign: CampaignDef, now: Date): PostDef[] {
  const launch: PostDef = {
    slug: `${campaign.slug}-launch`,
    title: `${campaign.title}正式启动`,
    publishedAt: campaign.phases[0]?.startsAt ?? now.toISOString(),
    excerpt: campaign.summary,
    paragraphs: campaign.description.slice(0, 2),
  }
  return [launch, ...(campaign.posts ?? [])].map((post) => ({
    ...post,
    paragraphs: post.paragraphs.filter((p, i) => i > 0 || p.trim() !== post.excerpt.trim()),
  }))
}
