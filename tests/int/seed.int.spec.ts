import { createHash } from 'node:crypto'

import {
  canonicalJson,
  fieldsContain,
  parseCertificateNumber,
  PUBLIC_ENTRY_STATES,
  queryTokens,
  tierLimit,
  type CertificateRecord,
  type ResultsBody,
} from '@exemplar/domain'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { searchableFields, searchStoreOf } from '@exemplar/plugin-search'
import { votingService, type ResolvedVotingOptions } from '@exemplar/plugin-voting'
import { seed, type SeedSummary } from '@exemplar/seed'

import { bootPayload, type TestPayload } from '../helpers/payload'

/** The demo data: the five notices recreated faithfully, and a second run changes nothing. */
let t: TestPayload
let payload: Payload
let first: SeedSummary
let second: SeedSummary
const countsAfter: Record<string, number>[] = []
// Today, because the server decides which phases are open by its own clock.
const now = new Date()
const COLLECTIONS: CollectionSlug[] = [
  'campaigns',
  'themes',
  'entries',
  'posts',
  'media',
  'organizations',
  'users',
  'result-snapshots',
  'certificates',
  'objections',
]

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const collection of COLLECTIONS) {
    out[collection] = (await payload.count({ collection })).totalDocs
  }
  return out
}

async function campaignBySlug(slug: string) {
  const { docs } = await payload.find({
    collection: 'campaigns',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
  })
  const campaign = docs[0]
  if (!campaign) {
    throw new Error(`campaign ${slug} is missing`)
  }
  return campaign
}

beforeAll(async () => {
  t = await bootPayload('seed')
  payload = t.payload
  first = await seed(payload, { now })
  countsAfter.push(await counts())
  second = await seed(payload, { now })
  countsAfter.push(await counts())
})

afterAll(async () => {
  await t?.cleanup()
})

describe('seed idempotence', () => {
  it('should leave every count unchanged on a second run', () => {
    expect(countsAfter[1]).toEqual(countsAfter[0])
    expect(second.created).toBe(0)
    expect(first.created).toBeGreaterThan(200)
  })

  it('should create at least 200 entries in varied states', async () => {
    expect(countsAfter[0]?.entries).toBeGreaterThanOrEqual(200)
    const states = new Set<string>()
    for (const status of [
      'draft',
      'submitted',
      'screening',
      'returned',
      'rejected',
      'voting',
      'review',
      'publicity',
      'awarded',
      'revoked',
    ]) {
      const { totalDocs } = await payload.count({
        collection: 'entries',
        where: { status: { equals: status } },
      })
      expect(totalDocs, status).toBeGreaterThan(0)
      states.add(status)
    }
    expect(states.size).toBe(10)
  })

  it('should create one account for every role', async () => {
    const { docs } = await payload.find({ collection: 'users', limit: 20, depth: 0 })
    expect(new Set(docs.map((u) => u.role))).toEqual(
      new Set(['admin', 'editor', 'reviewer', 'participant', 'partner']),
    )
  })
})

describe('the five source notices', () => {
  it('should recreate seed 000 with its exact deadline, 15 health actions and the text-and-image rules', async () => {
    const campaign = await campaignBySlug('yizhe-xianxing-2022')
    const submission = campaign.phases?.find((p) => p.kind === 'submission')
    expect(new Date(submission!.endsAt).toISOString()).toBe('2022-06-29T16:00:00.000Z')
    const voting = campaign.phases?.find((p) => p.kind === 'voting')
    expect(new Date(voting!.startsAt).toISOString()).toBe('2022-06-30T16:00:00.000Z')
    expect(new Date(voting!.endsAt).toISOString()).toBe('2022-07-31T16:00:00.000Z')
    const themes = await payload.count({
      collection: 'themes',
      where: { campaign: { equals: campaign.id } },
    })
    expect(themes.totalDocs).toBe(15)
    expect(campaign.tracks?.[0]?.requirements).toMatchObject({
      bodyMaxChars: 2000,
      maxImages: 5,
      requiredSections: ['工作目标', '主要举措', '推广情况'],
    })
  })

  it('should recreate seed 001 with the photo and PDF tracks and the 20 % quota', async () => {
    const campaign = await campaignBySlug('nixingzhe-2020')
    const photo = campaign.tracks?.find((t) => t.kind === 'photo')
    expect(photo?.requirements).toMatchObject({
      minFileBytes: 2 * 1024 * 1024,
      captionMaxChars: 150,
    })
    expect(photo?.tiers).toEqual([expect.objectContaining({ kind: 'share', value: 20 })])
    expect(
      campaign.tracks?.find((t) => t.kind === 'print')?.requirements?.allowedFileKinds,
    ).toEqual(['pdf'])
  })

  it('should have institutions and doctors sign the current seed-000 pledge, once each', async () => {
    const { docs: editions } = await payload.find({
      collection: 'campaigns',
      where: { series: { equals: 'yizhe-xianxing' } },
      sort: '-year',
      limit: 1,
      depth: 0,
    })
    const { docs: pledges } = await payload.find({
      collection: 'pledges',
      where: { campaign: { equals: editions[0]!.id } },
      limit: 200,
      depth: 0,
    })
    const signers = pledges.map((p) => p.signer)
    expect(pledges.length).toBeGreaterThan(10)
    expect(new Set(signers).size).toBe(signers.length)
    expect(pledges.filter((p) => p.doctor).length).toBe(2)
    const { docs: doctors } = await payload.find({ collection: 'doctor-profiles', depth: 0 })
    expect(doctors.map((d) => d.verification).sort()).toEqual(['pending', 'verified', 'verified'])
    expect(doctors.every((d) => typeof d.verificationDueAt === 'string')).toBe(true)
  })

  it('should recreate seed 002 with 3 areas and 13 sub-themes', async () => {
    const campaign = await campaignBySlug('jiankang-zhongguo-cujin-2024')
    const { docs } = await payload.find({
      collection: 'themes',
      where: { campaign: { equals: campaign.id } },
      limit: 100,
      depth: 0,
    })
    const areas = docs.filter((d) => !d.parent)
    expect(areas).toHaveLength(3)
    expect(areas.map((a) => docs.filter((d) => d.parent === a.id).length).sort()).toEqual([4, 4, 5])
  })

  it('should recreate seed 003 with its summary-conference news post', async () => {
    const campaign = await campaignBySlug('jiceng-kepu-shipin-2024')
    const { docs } = await payload.find({
      collection: 'posts',
      where: { campaign: { equals: campaign.id } },
      depth: 0,
    })
    expect(
      docs.some((p) => new Date(p.publishedAt ?? 0).toISOString().startsWith('2024-12-1')),
    ).toBe(true)
  })

  it('should recreate seed 004 with four series, their quotas and the five-criterion rubric', async () => {
    const campaign = await campaignBySlug('yigongti-2021')
    // The notice's numbers: 50 cases (10 best + 40 excellent), 20 poems, 30 songs, 30 stories.
    const quotas = Object.fromEntries(
      (campaign.tracks ?? []).map((t) => [
        t.key,
        (t.tiers ?? []).reduce((n, tier) => n + tier.value, 0),
      ]),
    )
    expect(quotas).toEqual({ 'party-case': 50, poem: 20, 'red-song': 30, 'party-story': 30 })
    expect(campaign.results).toMatchObject({ expertShare: 100, promoteNext: false })
    const caseTrack = campaign.tracks?.find((t) => t.key === 'party-case')
    expect(caseTrack?.requirements).toMatchObject({
      bodyMaxChars: 3000,
      maxFileBytes: 30 * 1024 * 1024,
    })
    expect(caseTrack?.rubric?.map((r) => r.label)).toEqual([
      '真实性',
      '创新性',
      '实效性',
      '典型性',
      '变革性',
    ])
  })

  it('should put the current edition of seed 004 in blind expert review, every entry with three reviewers, every demo reviewer with work done and to do', async () => {
    const campaign = await campaignBySlug(`yigongti-${now.getFullYear()}`)
    expect(campaign.openPhases).toContain('review')
    expect(campaign.review).toMatchObject({ blind: 'blind', publicIdentity: false, k: 3 })
    const { docs: entries } = await payload.find({
      collection: 'entries',
      where: { campaign: { equals: campaign.id }, status: { equals: 'review' } },
      depth: 0,
      pagination: false,
    })
    expect(entries.length).toBeGreaterThanOrEqual(20)
    const { docs: reviews } = await payload.find({
      collection: 'reviews',
      where: { campaign: { equals: campaign.id } },
      depth: 0,
      pagination: false,
    })
    for (const entry of entries) {
      const mine = reviews.filter((r) => r.entry === entry.id)
      expect(mine.map((r) => r.reviewer).sort()).toEqual([...(entry.reviewers as number[])].sort())
      expect(new Set(mine.map((r) => r.reviewer)).size).toBe(3)
      expect(mine.every((r) => r.assignment?.method === 'auto')).toBe(true)
    }
    const { docs: reviewers } = await payload.find({
      collection: 'users',
      where: { role: { equals: 'reviewer' } },
      depth: 0,
      pagination: false,
    })
    expect(reviewers.length).toBe(6)
    for (const reviewer of reviewers) {
      const statuses = reviews.filter((r) => r.reviewer === reviewer.id).map((r) => r.status)
      expect(statuses, reviewer.email).toContain('submitted')
      expect(
        statuses.some((s) => s === 'assigned' || s === 'draft'),
        reviewer.email,
      ).toBe(true)
    }
  })

  it('should score the archive editions by submitted reviews whose totals follow the rubric', async () => {
    const campaign = await campaignBySlug('yigongti-2021')
    const { docs: awarded } = await payload.find({
      collection: 'entries',
      where: { campaign: { equals: campaign.id }, status: { equals: 'awarded' } },
      depth: 0,
      pagination: false,
    })
    expect(awarded.length).toBeGreaterThan(0)
    const { docs: reviews } = await payload.find({
      collection: 'reviews',
      where: { campaign: { equals: campaign.id } },
      depth: 0,
      pagination: false,
    })
    const rubricOf = (track: string) => campaign.tracks?.find((t) => t.key === track)?.rubric ?? []
    for (const entry of awarded) {
      const mine = reviews.filter((r) => r.entry === entry.id)
      expect(mine).toHaveLength(3)
      expect(mine.every((r) => r.status === 'submitted')).toBe(true)
      for (const review of mine) {
        const rubric = rubricOf(review.track)
        const scores = review.scores as Record<string, number>
        const total =
          (rubric.reduce(
            (sum, c) => sum + (c.weight ?? 0) * ((scores[c.key] ?? 0) / (c.maxScore ?? 10)),
            0,
          ) /
            rubric.reduce((sum, c) => sum + (c.weight ?? 0), 0)) *
          100
        expect(review.total).toBeCloseTo(total, 1)
        // Dated inside that edition's review phase, not on the day the demo was made.
        expect(review.submittedAt?.startsWith('2021-05')).toBe(true)
      }
      const average = mine.reduce((sum, r) => sum + (r.total ?? 0), 0) / 3
      expect(entry.reviewScore?.reviews).toBe(3)
      expect(entry.reviewScore?.average).toBeCloseTo(average, 1)
    }
  })

  it('should freeze every finished edition by the results code: hashes recompute, tiers within quotas, winners hold them', async () => {
    const { docs: snapshots } = await payload.find({
      collection: 'result-snapshots',
      sort: 'sequence',
      depth: 0,
      pagination: false,
    })
    const { docs: campaigns } = await payload.find({
      collection: 'campaigns',
      depth: 0,
      pagination: false,
    })
    const finished = campaigns.filter((c) => c.year < now.getFullYear())
    expect(finished.length).toBeGreaterThanOrEqual(5)
    for (const campaign of finished) {
      const mine = snapshots.filter((s) => s.campaign === campaign.id)
      expect(mine.length, campaign.slug).toBeGreaterThanOrEqual(1)
      const latest = mine.at(-1)!
      const body = latest.body as unknown as ResultsBody
      expect(createHash('sha256').update(canonicalJson(body)).digest('hex')).toBe(latest.sha256)
      // Dated in the edition, not on the day the demo was made.
      expect(new Date(latest.frozenAt).getUTCFullYear(), campaign.slug).toBeLessThanOrEqual(
        campaign.year + 1,
      )
      const { docs: entries } = await payload.find({
        collection: 'entries',
        where: { campaign: { equals: campaign.id } },
        depth: 0,
        pagination: false,
      })
      const holders = new Set(
        body.tracks.flatMap((t) => t.rows.filter((r) => r.tier !== null).map((r) => r.entryId)),
      )
      for (const track of body.tracks) {
        for (const tier of track.tiers) {
          expect(tier.filled, `${campaign.slug} ${track.key} ${tier.key}`).toBeLessThanOrEqual(
            tierLimit(tier, track.base),
          )
          expect(track.rows.filter((r) => r.tier === tier.key)).toHaveLength(tier.filled)
        }
      }
      for (const entry of entries.filter((e) => ['awarded', 'revoked'].includes(e.status))) {
        expect(holders.has(String(entry.id)), `${campaign.slug} ${entry.number}`).toBe(true)
      }
    }
    // One award revoked after publicity: a second snapshot with the reason, the first still there.
    const revoked = await payload.find({
      collection: 'entries',
      where: { status: { equals: 'revoked' } },
      depth: 0,
      limit: 1,
    })
    const entry = revoked.docs[0]!
    const versions = snapshots.filter((s) => s.campaign === entry.campaign)
    expect(versions.map((s) => s.sequence)).toEqual([1, 2])
    expect(versions[1]!.reason).toBeTruthy()
    expect(versions[1]!.previous).toBe(versions[0]!.id)
    const row = (versions[1]!.body as unknown as ResultsBody).tracks
      .flatMap((t) => t.rows)
      .find((r) => r.entryId === String(entry.id))
    expect(row?.revokedReason).toBeTruthy()
  })

  it('should certify every award of the finished editions, and show the revoked one as revoked', async () => {
    const { docs: certificates } = await payload.find({
      collection: 'certificates',
      depth: 0,
      pagination: false,
    })
    const { docs: awarded } = await payload.find({
      collection: 'entries',
      where: { status: { in: ['awarded', 'revoked'] } },
      depth: 0,
      pagination: false,
    })
    expect(awarded.length).toBeGreaterThan(10)
    for (const entry of awarded) {
      const mine = certificates.filter((c) => c.entry === entry.id)
      expect(mine, entry.number ?? undefined).toHaveLength(1)
      const certificate = mine[0]!
      expect(parseCertificateNumber(certificate.number).ok).toBe(true)
      expect(entry.award?.certificateNumber).toBe(certificate.number)
      expect(certificate.status).toBe(entry.status === 'revoked' ? 'revoked' : 'valid')
      const record = certificate.record as unknown as CertificateRecord
      expect(record.work?.number).toBe(entry.number)
      expect(record.award).toBe(entry.award?.name)
      // Issued in the edition's own year, not on the day the demo was made.
      expect(Number(record.issuedOn.slice(0, 4))).toBeGreaterThanOrEqual(record.campaign.year)
      expect(Number(record.issuedOn.slice(0, 4))).toBeLessThanOrEqual(record.campaign.year + 1)
    }
    const revoked = certificates.find((c) => c.status === 'revoked')
    expect(revoked?.revokedReason).toBe('公示期间查实弄虚作假')
    // Behind it, the upheld objection pointing at the snapshot frozen again; today, an open one.
    const { docs: objections } = await payload.find({
      collection: 'objections',
      depth: 1,
      pagination: false,
    })
    const upheld = objections.find((o) => o.status === 'upheld')
    expect(typeof upheld?.entry === 'object' && upheld.entry.id).toBe(revoked?.entry)
    expect(upheld?.snapshotId).toBeTruthy()
    const open = objections.find((o) => o.status === 'open')
    expect(typeof open?.entry === 'object' && open.entry.status).toBe('publicity')
  })

  it('should put seed 001’s current photo special in publicity today, with its shortlist frozen and an objection open', async () => {
    const year = new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
    }).format(new Date())
    const { docs } = await payload.find({
      collection: 'campaigns',
      where: { slug: { equals: `nixingzhe-jiceng-${year}` } },
      depth: 0,
    })
    const campaign = docs[0]!
    expect(campaign.series).toBe('nixingzhe-jiceng')
    expect(campaign.openPhases).toContain('publicity')
    const { docs: snapshots } = await payload.find({
      collection: 'result-snapshots',
      where: { campaign: { equals: campaign.id } },
      depth: 0,
    })
    expect(snapshots).toHaveLength(1)
    const body = snapshots[0]!.body as unknown as ResultsBody
    const holders = body.tracks.flatMap((t) => t.rows.filter((r) => r.tier !== null))
    // At most 20 % of the track's entries (seed 001: “原则上不超过 20%”), each of them in publicity.
    const ranked = body.tracks.flatMap((t) => t.rows).length
    expect(holders.length).toBeGreaterThan(0)
    expect(holders.length).toBeLessThanOrEqual(Math.floor(ranked * 0.2))
    const { docs: listed } = await payload.find({
      collection: 'entries',
      where: { id: { in: holders.map((h) => h.entryId) } },
      depth: 0,
      pagination: false,
    })
    expect(new Set(listed.map((e) => e.status))).toEqual(new Set(['publicity']))
    const { docs: objections } = await payload.find({
      collection: 'objections',
      where: { campaign: { equals: campaign.id }, status: { equals: 'open' } },
      depth: 0,
    })
    expect(objections).toHaveLength(1)
    const objected = String(objections[0]!.entry)
    expect(holders.map((h) => String(h.entryId))).toContain(objected)
    // What the objection is about, in the integrity report: a burst of likes on that entry.
    const service = votingService(payload, payload.config.custom!.voting as ResolvedVotingOptions)
    const report = await service.store.integrity({
      campaignId: campaign.id,
      burstPerMinute: 30,
      clusterVoters: 20,
      newVoterSpike: 30,
    })
    expect(report.bursts.map((b) => String(b.entryId))).toEqual([objected])
    expect(report.deviceClusters[0]).toMatchObject({ voters: 36, votes: 36 })
    expect(report.newVoterSpikes.map((b) => String(b.entryId))).toEqual([objected])
  })

  it('should name seed 000’s excellent organizing institutions by the rule and certify them, and seed 001’s partner outlet', async () => {
    const campaignOf = async (slug: string) =>
      (await payload.find({ collection: 'campaigns', where: { slug: { equals: slug } }, depth: 0 }))
        .docs[0]!
    const yizhe = await campaignOf('yizhe-xianxing-2022')
    const { docs: snapshots } = await payload.find({
      collection: 'result-snapshots',
      where: { campaign: { equals: yizhe.id } },
      sort: 'sequence',
      depth: 0,
    })
    const body = snapshots[0]!.body as unknown as ResultsBody
    const named = (body.organizers?.candidates ?? []).filter((c) => c.selected)
    expect(named.length).toBeGreaterThan(0)
    expect(named.length).toBeLessThanOrEqual(body.organizers!.rule.limit)
    for (const o of named) {
      expect(o.entries).toBeGreaterThanOrEqual(body.organizers!.rule.minEntries)
      expect(o.awarded).toBeGreaterThanOrEqual(1)
    }
    const certified = async (campaign: unknown, kind: string) =>
      (
        await payload.find({
          collection: 'certificates',
          where: { campaign: { equals: campaign }, kind: { equals: kind } },
          depth: 0,
          pagination: false,
        })
      ).docs
    const organizers = await certified(yizhe.id, 'organizer')
    expect(
      organizers.map((c) => (c.record as unknown as CertificateRecord).holder.institution).sort(),
    ).toEqual(named.map((o) => o.institution).sort())
    const media = await certified((await campaignOf('nixingzhe-2020')).id, 'media')
    expect(media.map((c) => (c.record as unknown as CertificateRecord).holder.institution)).toEqual(
      ['云溪健康导报社'],
    )
    const partner = await payload.find({
      collection: 'users',
      where: { email: { equals: 'partner@example.org' } },
      depth: 0,
    })
    expect(media[0]!.holderUser).toBe(partner.docs[0]!.id)
  })

  it('should place current editions so that submission, voting, review and publicity are open today', async () => {
    const { docs } = await payload.find({
      collection: 'campaigns',
      where: { year: { equals: now.getFullYear() } },
      depth: 0,
      limit: 20,
    })
    const open = new Set(docs.flatMap((c) => c.openPhases ?? []))
    for (const phase of ['submission', 'voting', 'review', 'publicity']) {
      expect(open.has(phase as never), phase).toBe(true)
    }
  })

  it('should search the seeded gallery exactly: every hit contains the query, every public entry that does is hit', async () => {
    const { docs: campaigns } = await payload.find({
      collection: 'campaigns',
      where: { _status: { equals: 'published' } },
      depth: 0,
      pagination: false,
    })
    const published = new Set(campaigns.map((c) => String(c.id)))
    const { docs: entries } = await payload.find({
      collection: 'entries',
      where: { status: { in: [...PUBLIC_ENTRY_STATES] } },
      depth: 0,
      pagination: false,
    })
    const shown = entries.filter((e) => published.has(String(e.campaign)))
    expect(shown.length).toBeGreaterThan(50)
    const store = searchStoreOf(payload, { entries: 'entries', votes: 'voteCount' })
    const queries = new Set(['健康', '医', '基层医疗', 'AI', '家庭医生签约', '逆行'])
    for (const [i, e] of shown.entries()) {
      if (i % 7 === 0) {
        const text = searchableFields(e as never).join('')
        const length = [1, 2, 3, 6][i % 4]!
        queries.add(
          text.slice(
            i % Math.max(1, text.length - length),
            (i % Math.max(1, text.length - length)) + length,
          ),
        )
      }
    }
    for (const q of queries) {
      const truth = shown.filter((e) => fieldsContain(searchableFields(e as never), q))
      const answer = await store.search({
        match: queryTokens(q),
        filters: {},
        sort: 'newest',
        offset: 0,
        limit: 10_000,
      })
      expect(new Set(answer.ids.map(String)), q).toEqual(new Set(truth.map((e) => String(e.id))))
    }
  })

  it('should keep real contact details of the notices out of the demo data', async () => {
    const { docs } = await payload.find({ collection: 'campaigns', depth: 0, limit: 50 })
    const contacts = docs.flatMap((c) => c.contacts ?? [])
    expect(contacts.length).toBeGreaterThan(0)
    for (const contact of contacts) {
      expect(contact.phone ?? '').toMatch(/^010-5555/)
      expect(contact.email ?? 'x@example.org').toMatch(/@example\.org$/)
    }
  })

  it('should publish a showcase of each edition’s awarded entries, and the latest year’s best across campaigns', async () => {
    const { docs } = await payload.find({ collection: 'showcases', depth: 1, pagination: false })
    const awardedCampaigns = new Set(
      (
        await payload.find({
          collection: 'entries',
          where: { status: { equals: 'awarded' } },
          select: { campaign: true },
          depth: 0,
          pagination: false,
        })
      ).docs.map((e) => String(e.campaign)),
    )
    const perCampaign = docs.filter((d) => d.campaign)
    expect(new Set(perCampaign.map((d) => String((d.campaign as { id: number }).id)))).toEqual(
      awardedCampaigns,
    )
    expect(docs.filter((d) => !d.campaign).map((d) => d.slug)).toEqual([
      expect.stringMatching(/^excellent-\d{4}$/),
    ])
    for (const showcase of docs) {
      expect(showcase._status).toBe('published')
      const rows = showcase.entries ?? []
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) {
        expect((row.entry as { status: string }).status).toBe('awarded')
      }
    }
  })
})
