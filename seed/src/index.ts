import { pinEntry, workflowOptionsOf } from '@exemplar/plugin-workflow'
import { seedShowcases } from './showcases'
import { createLocalReq, type Payload } from 'payload'

import type { Entry, Organization } from '@exemplar/cms/payload-types'

import { archiveCampaigns, currentCampaigns } from './campaigns'
import { buildEntries, type OrgRef, type ThemeRef } from './entries'
import { demoImage } from './images'
import { DEMO_OUTLET, seedParticipants } from './participants'
import { seedMediaCertificates, settleResults } from './results'
import { seedReviews } from './reviews'
import { DEMO_RUBRIC } from './campaigns/demoRubric'
import { seriesOf } from './plans'
import { campaignPosts } from './posts'
import { minimalPdf } from './pdf'
import { DEMO_USERS, INSTITUTIONS } from './people'
import { hashString, seededRandom } from './random'
import { sourceCitation } from './campaigns/notices'
import { paragraphsToRichText } from './richtext'
import type { ThemeDef } from './types'

export { DEMO_USERS } from './people'

export interface SeedOptions {
  /** The day the current editions are placed around. */
  now?: Date
  /** Progress lines; silent by default. */
  log?: (line: string) => void
}

export interface SeedSummary {
  campaigns: number
  themes: number
  entries: number
  organizations: number
  users: number
  media: number
  posts: number
  created: number
}

type Id = number | string

const IMAGE_COUNT = 24

const reviewerIds = (userIds: Map<string, Id>): Id[] =>
  DEMO_USERS.filter((u) => u.role === 'reviewer').map((u) => userIds.get(u.email)!)

/** How good the demo says an entry is (0–1): what ended awarded was better, on the whole. */
function meritOf(entry: Partial<Entry>, random: ReturnType<typeof seededRandom>): number {
  const base = ['awarded', 'publicity', 'shortlisted', 'revoked'].includes(entry.status ?? '')
    ? 0.78
    : 0.55
  return Math.min(0.97, base + random.next() * 0.2)
}

/**
 * Recreates the five seed campaigns (past editions, the archive), current
 * editions placed around `now`, institutions, one account per role and the
 * entries. Every document is found by a natural key first, so a second run
 * creates nothing and leaves every count as it was.
 */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date()
  const log = options.log ?? (() => {})
  const workflowOptions = workflowOptionsOf(payload.config)
  let created = 0

  async function upsert<T extends Record<string, unknown>>(
    collection: 'users' | 'organizations' | 'campaigns' | 'themes' | 'posts',
    where: Record<string, unknown>,
    data: T,
    update = false,
  ): Promise<Id> {
    const found = await payload.find({
      collection,
      where: where as never,
      limit: 1,
      depth: 0,
      pagination: false,
      draft: true,
    })
    const existing = found.docs[0]
    if (existing) {
      if (update) {
        await payload.update({
          collection,
          id: existing.id,
          data: data as never,
          depth: 0,
          draft: false,
        })
      }
      return existing.id
    }
    created += 1
    const doc = await payload.create({ collection, data: data as never, depth: 0, draft: false })
    return doc.id
  }

  // Institutions and accounts.
  const orgIds = new Map<string, Id>()
  for (const inst of INSTITUTIONS) {
    const id = await upsert('organizations', { name: { equals: inst.name } }, {
      name: inst.name,
      licenceName: inst.name,
      type: inst.type,
      province: inst.province,
      city: inst.city,
      verification: inst.verification,
      verificationNote:
        inst.verification === 'rejected' ? '营业执照名称与填写的机构名称不一致。' : null,
      campuses: (inst.campuses ?? []).map((name) => ({
        name,
        address: `${inst.city}（示例地址）`,
      })),
      mediaAccounts: inst.wechat ? [{ kind: 'wechat', name: inst.wechat }] : [],
    } satisfies Partial<Organization>)
    orgIds.set(inst.name, id)
  }
  log(`机构 ${INSTITUTIONS.length}`)

  const userIds = new Map<string, Id>()
  const userOrg: Record<string, string> = {
    'participant@example.org': '青禾县人民医院',
    'partner@example.org': '云溪健康导报社',
  }
  for (const user of DEMO_USERS) {
    const orgName = userOrg[user.email]
    const id = await upsert(
      'users',
      { email: { equals: user.email } },
      {
        ...user,
        organization: orgName ? orgIds.get(orgName) : null,
      },
    )
    userIds.set(user.email, id)
  }
  for (const [email, orgName] of Object.entries(userOrg)) {
    const orgId = orgIds.get(orgName)
    if (orgId !== undefined) {
      await payload.update({
        collection: 'organizations',
        id: orgId,
        data: { owner: userIds.get(email) as number },
        depth: 0,
      })
    }
  }
  log(`账号 ${DEMO_USERS.length}`)

  // Demo pictures and one PDF, drawn here and uploaded once.
  const imageRandom = seededRandom(20260101)
  const images: Id[] = []
  for (let i = 0; i < IMAGE_COUNT; i++) {
    const filename = `demo-${String(i + 1).padStart(2, '0')}.jpg`
    const found = await payload.find({
      collection: 'media',
      where: { filename: { equals: filename } },
      limit: 1,
      depth: 0,
    })
    const existing = found.docs[0]
    if (existing) {
      images.push(existing.id)
      continue
    }
    const data = await demoImage(i, imageRandom)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: `示例图片 ${i + 1}` },
      file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
      depth: 0,
    })
    created += 1
    images.push(doc.id)
    log(`图片 ${i + 1}/${IMAGE_COUNT}`)
  }
  let pdf: Id | undefined
  {
    const filename = 'demo-leaflet.pdf'
    const found = await payload.find({
      collection: 'media',
      where: { filename: { equals: filename } },
      limit: 1,
      depth: 0,
    })
    if (found.docs[0]) {
      pdf = found.docs[0].id
    } else {
      const data = minimalPdf('Exemplar demo leaflet')
      const doc = await payload.create({
        collection: 'media',
        data: { alt: '示例科普折页' },
        file: { data, mimetype: 'application/pdf', name: filename, size: data.length },
        depth: 0,
      })
      created += 1
      pdf = doc.id
    }
  }

  const orgRefs: OrgRef[] = INSTITUTIONS.filter((i) => i.verification === 'verified').map((i) => ({
    id: orgIds.get(i.name)!,
    name: i.name,
    province: i.province,
    city: i.city,
    type: i.type,
  }))
  const careOrgs = orgRefs.filter((o) => o.type === 'medical' || o.type === 'public-health')
  const mediaOrgs = orgRefs.filter((o) => o.type === 'media')
  const participantOrg = orgRefs.find((o) => o.name === '青禾县人民医院')!

  const editions = [
    ...archiveCampaigns.map((c) => ({ campaign: c, current: false })),
    ...currentCampaigns(now).map((c) => ({ campaign: c, current: true })),
  ]

  const pledgeCampaignIds: Id[] = []
  // Seed 001's finished editions certify their participating media.
  const mediaCampaignIds: Id[] = []
  let entryTotal = 0
  let themeTotal = 0
  let postTotal = 0
  for (const [index, { campaign, current }] of editions.entries()) {
    const campaignId = await upsert(
      'campaigns',
      { slug: { equals: campaign.slug } },
      {
        title: campaign.title,
        slug: campaign.slug,
        series: campaign.series,
        year: campaign.year,
        entryPrefix: current ? seriesOf(campaign).code : seriesOf(campaign).archiveCode,
        summary: campaign.summary,
        pledge: campaign.pledge ?? false,
        sourceNotice: sourceCitation(campaign.sourceNotice, current),
        cover: images[index % images.length],
        description: paragraphsToRichText(campaign.description),
        organizers: campaign.organizers,
        contacts: campaign.contacts,
        legalTerms: campaign.legalTerms,
        phases: campaign.phases,
        tracks: campaign.tracks.map((t) => ({ ...t, rubric: t.rubric ?? DEMO_RUBRIC })),
        voting: campaign.voting ?? { perEntryPerDay: 0, dailyCap: 0 },
        review: campaign.review ?? {
          blind: 'blind',
          publicIdentity: false,
          sameProvince: false,
          k: 3,
          normalization: 'none',
        },
        results: campaign.results ?? {},
        _status: 'published',
      },
      // Current editions move with the calendar, so their dates are refreshed on every run.
      current,
    )

    const themes: ThemeRef[] = []
    let campaignThemes = 0
    const addThemes = async (defs: ThemeDef[], parent: Id | null, offset: number) => {
      for (const [i, def] of defs.entries()) {
        const id = await upsert(
          'themes',
          { and: [{ campaign: { equals: campaignId } }, { code: { equals: def.code } }] },
          {
            title: def.title,
            code: def.code,
            campaign: campaignId,
            parent,
            description: def.description ?? null,
            order: offset + i,
          },
        )
        campaignThemes += 1
        if (def.children && def.children.length > 0) {
          await addThemes(def.children, id, (offset + i) * 100)
        } else {
          themes.push({ id, title: def.title })
        }
      }
    }
    await addThemes(campaign.themes, null, 0)
    themeTotal += campaignThemes

    const posts = campaignPosts(campaign, now)
    for (const post of posts) {
      await upsert(
        'posts',
        { slug: { equals: post.slug } },
        {
          title: post.title,
          slug: post.slug,
          campaign: campaignId,
          publishedAt: post.publishedAt,
          excerpt: post.excerpt,
          body: paragraphsToRichText(post.paragraphs),
          _status: 'published',
        },
      )
      postTotal += 1
    }

    if (current && campaign.pledge) {
      pledgeCampaignIds.push(campaignId)
    }

    const reviewRandom = seededRandom(hashString(`${campaign.slug}:review`))
    const series = seriesOf(campaign)
    const plan = (current ? series.current : series.archive) ?? []
    const entries = buildEntries(
      plan,
      {
        campaign,
        campaignId,
        now,
        random: seededRandom(
          hashString(campaign.slug.replace(/\d{4}$/, current ? 'current' : 'archive')),
        ),
        organizations: careOrgs,
        mediaOrganizations: mediaOrgs,
        themes,
        images,
        pdf,
        participant: { id: userIds.get('participant@example.org')!, organization: participantOrg },
        editor: userIds.get('editor@example.org')!,
      },
      { year: campaign.year, code: current ? series.code : series.archiveCode },
    )
    const numbers = entries.map((e) => e.number!)
    const existing = await payload.find({
      collection: 'entries',
      where: { number: { in: numbers } },
      limit: numbers.length,
      pagination: false,
      depth: 0,
      select: { number: true },
    })
    const have = new Set(existing.docs.map((d) => d.number))
    const fresh = entries.filter((e) => !have.has(e.number!))
    // Entries that went through expert review are made in review, scored by the
    // review plugin's own code, then moved on as their history says; the rest
    // come after, so the assignment run sees only what was under review.
    const reviewed = fresh.filter((e) => e.history?.some((h) => h.to === 'review'))
    const createEntry = async (entry: Partial<Entry>) => {
      const doc = await payload.create({ collection: 'entries', data: entry as never, depth: 0 })
      // Screened entries are pinned as screening pins them, dated when their screening started.
      const screened = entry.history?.find((h) => h.to === 'screening')
      if (screened) {
        await pinEntry(await createLocalReq({}, payload), workflowOptions, doc.id, screened.at)
      }
      created += 1
      return doc.id
    }
    const underReview: { id: Id; entry: Partial<Entry>; quality: number }[] = []
    for (const entry of reviewed) {
      const upTo = entry.history!.findIndex((h) => h.to === 'review')
      const id = await createEntry({
        ...entry,
        status: 'review',
        history: entry.history!.slice(0, upTo + 1),
        award: {},
      })
      underReview.push({ id, entry, quality: meritOf(entry, reviewRandom) })
    }
    const scored = await seedReviews(payload, {
      campaign,
      campaignId,
      entries: underReview,
      reviewerIds: reviewerIds(userIds),
      editorId: userIds.get('editor@example.org')!,
      now,
      random: reviewRandom,
    })
    created += scored.assigned + scored.submitted + scored.drafts
    if (underReview.length > 0) {
      created += await settleResults(payload, {
        campaign,
        campaignId,
        entries: underReview,
        editorId: userIds.get('editor@example.org')!,
        objectorId: userIds.get('partner@example.org')!,
      })
    }
    for (const entry of fresh.filter((e) => !reviewed.includes(e))) {
      await createEntry(entry)
    }
    entryTotal += entries.length
    if (!current && campaign.sourceNotice === '001') {
      mediaCampaignIds.push(campaignId)
    }
    log(
      `活动 ${index + 1}/${editions.length} ${campaign.title}：主题 ${campaignThemes}，作品 ${entries.length}`,
    )
  }

  const participantRecords = await seedParticipants(payload, {
    editorId: userIds.get('editor@example.org')!,
    careOrgs,
    participant: { id: userIds.get('participant@example.org')!, organization: participantOrg },
    partnerUserId: userIds.get('partner@example.org')!,
    pledgeCampaignIds,
    pdf,
  })
  created += participantRecords
  log(`医者名片、倡议书签署与合作媒体 ${participantRecords}`)
  created += await seedMediaCertificates(payload, {
    editorId: userIds.get('editor@example.org')!,
    campaignIds: mediaCampaignIds,
    outlets: [DEMO_OUTLET],
  })
  const showcases = await seedShowcases(payload)
  created += showcases
  log(`作品精选 ${showcases}`)

  return {
    campaigns: editions.length,
    themes: themeTotal,
    entries: entryTotal,
    organizations: INSTITUTIONS.length,
    users: DEMO_USERS.length,
    media: images.length + 1,
    posts: postTotal,
    created,
  }
}
