import type { Where } from 'payload'

import { refuse } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import { SCREENING_WORDS_SLUG } from '../lib/slugs'
import { DEFAULT_PROMOTION_WORDS } from '../screening'
import type { Campaign, Doc, SubmissionsContext, Track } from './types'

/** A signed-in participant (institution account or individual author) may submit. */
function isParticipant(user: unknown): boolean {
  return Boolean(
    user && typeof user === 'object' && (user as { role?: unknown }).role === 'participant',
  )
}

export function requireParticipant(user: unknown): void {
  if (!user) {
    throw refuse(401, 'user', 'auth.required', '请先登录后再报送作品')
  }
  if (!isParticipant(user)) {
    throw refuse(403, 'user', 'auth.participantOnly', '仅参与者账号（机构或个人作者）可以报送作品')
  }
}

export async function campaignFor(
  s: SubmissionsContext,
  user: unknown,
  id: unknown,
): Promise<Campaign> {
  const campaignId = idOf(id)
  if (campaignId === undefined || campaignId === '') {
    throw refuse(400, 'campaign', 'campaign.required', '请选择征集活动（campaign）')
  }
  try {
    return (await s.payload.findByID({
      collection: s.options.campaigns,
      id: campaignId,
      depth: 0,
      overrideAccess: false,
      user,
    })) as unknown as Campaign
  } catch {
    throw refuse(404, 'campaign', 'campaign.notFound', '征集活动不存在或未发布')
  }
}

export function trackOf(campaign: Campaign, key: unknown): Track | undefined {
  return (campaign.tracks ?? []).find((t) => t.key === key)
}

export function trackIn(campaign: Campaign, key: unknown): Track {
  const track = trackOf(campaign, key)
  if (!track) {
    throw refuse(
      400,
      'track',
      'track.unknown',
      `作品类别“${String(key ?? '')}”不属于本活动，可选：${(campaign.tracks ?? []).map((t) => `${t.key}（${t.name ?? ''}）`).join('、')}`,
    )
  }
  return track
}

/** The caller's own entry, read with their access (so nobody reads another's draft). */
export async function ownEntry(
  s: SubmissionsContext,
  user: unknown,
  id: string,
  depth = 0,
): Promise<Doc> {
  let entry: Doc | undefined
  try {
    entry = (await s.payload.findByID({
      collection: s.options.entries,
      id,
      depth,
      overrideAccess: false,
      user,
    })) as unknown as Doc
  } catch {
    entry = undefined
  }
  if (!entry || !sameId(entry.submittedBy, user)) {
    throw refuse(404, 'id', 'entry.notFound', '作品不存在，或不是您报送的作品')
  }
  return entry
}

export async function screeningWords(s: SubmissionsContext): Promise<readonly string[]> {
  try {
    const global = (await s.payload.findGlobal({
      slug: SCREENING_WORDS_SLUG as never,
      depth: 0,
    })) as { words?: string[] | null }
    return global.words?.length ? global.words : DEFAULT_PROMOTION_WORDS
  } catch {
    return DEFAULT_PROMOTION_WORDS
  }
}

/** Media documents by id, only the caller's own (attaching someone else's file is refused). */
export async function ownMedia(
  s: SubmissionsContext,
  user: unknown,
  ids: (number | string)[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>()
  if (ids.length === 0) {
    return found
  }
  const where: Where = { id: { in: ids } }
  const { docs } = await s.payload.find({
    collection: s.options.media,
    where,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
  })
  for (const doc of docs as unknown as Record<string, unknown>[]) {
    if (user === undefined || s.options.isEditor(user) || sameId(doc.owner, user)) {
      found.set(String(doc.id), doc)
    }
  }
  return found
}
