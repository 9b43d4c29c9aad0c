import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Campaign, Entry, User } from '@exemplar/cms/payload-types'

import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * Access control per role and per collection, through the Local API with
 * `overrideAccess: false` and a user — the way a public endpoint must call it.
 */
let t: TestPayload
let payload: Payload
const users = {} as Record<
  'admin' | 'editor' | 'reviewer' | 'otherReviewer' | 'alice' | 'bob' | 'partner',
  User
>
let published: Campaign
let draftCampaign: Campaign
const entries = {} as Record<
  | 'aliceDraft'
  | 'aliceScreening'
  | 'bobDraft'
  | 'bobReturned'
  | 'publicVoting'
  | 'publicAwarded'
  | 'assignedSubmitted'
  | 'rejected',
  Entry
>

function as(user: User | undefined) {
  return {
    overrideAccess: false as const,
    user: user ? { ...user, collection: 'users' as const } : undefined,
    depth: 0,
  }
}

beforeAll(async () => {
  t = await bootPayload('access')
  payload = t.payload
  const mk = async (key: keyof typeof users, role: User['role']) => {
    users[key] = await payload.create({
      collection: 'users',
      data: { email: `${key}@test.example.org`, password: 'pw-123456', name: key, role },
    })
  }
  await mk('admin', 'admin')
  await mk('editor', 'editor')
  await mk('reviewer', 'reviewer')
  await mk('otherReviewer', 'reviewer')
  await mk('alice', 'participant')
  await mk('bob', 'participant')
  await mk('partner', 'partner')

  const campaignData = {
    year: 2026,
    tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' as const }],
    phases: [
      {
        kind: 'submission' as const,
        // Open around now, whenever the suite runs: a submitter edits drafts only in the window.
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    ],
  }
  published = await payload.create({
    collection: 'campaigns',
    data: { ...campaignData, title: '公开活动', slug: 'open-campaign', _status: 'published' },
  })
  draftCampaign = await payload.create({
    collection: 'campaigns',
    data: { ...campaignData, title: '未发布活动', slug: 'draft-campaign', _status: 'draft' },
    draft: true,
  })

  const mkEntry = async (
    key: keyof typeof entries,
    status: Entry['status'],
    owner?: User,
    reviewers: User[] = [],
  ) => {
    entries[key] = await payload.create({
      collection: 'entries',
      data: {
        title: key,
        campaign: published.id,
        track: 'case',
        status,
        submittedBy: owner?.id ?? null,
        reviewers: reviewers.map((r) => r.id),
      },
    })
  }
  await mkEntry('aliceDraft', 'draft', users.alice)
  await mkEntry('aliceScreening', 'screening', users.alice)
  await mkEntry('bobDraft', 'draft', users.bob)
  await mkEntry('bobReturned', 'returned', users.bob)
  await mkEntry('publicVoting', 'voting', users.bob)
  await mkEntry('publicAwarded', 'awarded', undefined, [users.otherReviewer])
  await mkEntry('assignedSubmitted', 'submitted', users.bob, [users.reviewer])
  await mkEntry('rejected', 'rejected', users.alice)
})

afterAll(async () => {
  await t?.cleanup()
})

async function visibleEntryTitles(user: User | undefined): Promise<string[]> {
  const result = await payload.find({
    collection: 'entries',
    ...as(user),
    limit: 100,
    sort: 'title',
  })
  return result.docs.map((d) => d.title).sort()
}

describe('entries: who reads what', () => {
  it.each([
    ['anonymous reader', () => undefined, ['publicAwarded', 'publicVoting']],
    ['partner', () => users.partner, ['publicAwarded', 'publicVoting']],
    [
      'participant alice',
      () => users.alice,
      ['aliceDraft', 'aliceScreening', 'publicAwarded', 'publicVoting', 'rejected'],
    ],
    [
      'participant bob',
      () => users.bob,
      ['assignedSubmitted', 'bobDraft', 'bobReturned', 'publicAwarded', 'publicVoting'],
    ],
    ['reviewer', () => users.reviewer, ['assignedSubmitted']],
    ['other reviewer', () => users.otherReviewer, ['publicAwarded']],
    [
      'editor',
      () => users.editor,
      [
        'aliceDraft',
        'aliceScreening',
        'assignedSubmitted',
        'bobDraft',
        'bobReturned',
        'publicAwarded',
        'publicVoting',
        'rejected',
      ],
    ],
  ])('should let the %s read exactly their entries', async (_label, user, expected) => {
    expect(await visibleEntryTitles(user())).toEqual([...expected].sort())
  })

  it("should refuse a participant another participant's draft by id", async () => {
    await expect(
      payload.findByID({ collection: 'entries', id: entries.bobDraft.id, ...as(users.alice) }),
    ).rejects.toThrow()
  })

  it('should hide the assigned reviewers and the history from the public', async () => {
    const doc = await payload.findByID({
      collection: 'entries',
      id: entries.publicAwarded.id,
      ...as(undefined),
    })
    expect(doc.reviewers).toBeUndefined()
    expect(doc.history ?? []).toEqual([])
    const forEditor = await payload.findByID({
      collection: 'entries',
      id: entries.publicAwarded.id,
      ...as(users.editor),
    })
    expect(forEditor.reviewers).toEqual([users.otherReviewer.id])
    expect(forEditor.history?.map((h) => h.to)).toEqual(['awarded'])
  })
})

describe('entries: who changes what', () => {
  it('should let a participant edit their own draft and returned entry', async () => {
    const updated = await payload.update({
      collection: 'entries',
      id: entries.bobReturned.id,
      data: { title: 'bobReturned', abstract: '补充了推广情况' },
      ...as(users.bob),
    })
    expect(updated.abstract).toBe('补充了推广情况')
  })

  it('should lock an entry for its submitter once screening has started', async () => {
    await expect(
      payload.update({
        collection: 'entries',
        id: entries.aliceScreening.id,
        data: { abstract: 'x' },
        ...as(users.alice),
      }),
    ).rejects.toThrow()
    const stored = await payload.findByID({ collection: 'entries', id: entries.aliceScreening.id })
    expect(stored.abstract ?? null).toBeNull()
  })

  it("should refuse a participant another participant's draft for editing", async () => {
    await expect(
      payload.update({
        collection: 'entries',
        id: entries.bobDraft.id,
        data: { abstract: 'x' },
        ...as(users.alice),
      }),
    ).rejects.toThrow()
  })

  it('should ignore a status or owner a participant sends, and record who created the draft', async () => {
    const doc = await payload.create({
      collection: 'entries',
      data: {
        title: 'sneaky',
        campaign: published.id,
        track: 'case',
        status: 'awarded',
        submittedBy: users.bob.id,
        voteCount: 999,
      },
      ...as(users.alice),
    })
    try {
      expect(doc.status).toBe('draft')
      const stored = await payload.findByID({ collection: 'entries', id: doc.id, depth: 0 })
      expect(stored.submittedBy).toBe(users.alice.id)
      expect(stored.voteCount).toBe(0)
    } finally {
      await payload.delete({ collection: 'entries', id: doc.id })
    }
  })

  it('should not let a participant change the status of their own draft', async () => {
    const updated = await payload.update({
      collection: 'entries',
      id: entries.aliceDraft.id,
      data: { status: 'accepted' },
      ...as(users.alice),
    })
    expect(updated.status).toBe('draft')
  })

  it('should not let a participant move their own draft to another institution', async () => {
    const other = await payload.create({
      collection: 'organizations',
      data: {
        name: '另一家医院',
        licenceName: '另一家医院',
        type: 'medical',
        verification: 'verified',
      },
    })
    const before = await payload.findByID({
      collection: 'entries',
      id: entries.aliceDraft.id,
      depth: 0,
    })
    const updated = await payload.update({
      collection: 'entries',
      id: entries.aliceDraft.id,
      data: { organization: other.id },
      ...as(users.alice),
    })
    expect(updated.organization ?? null).toBe(before.organization ?? null)
    await payload.delete({ collection: 'organizations', id: other.id })
  })

  it('should refuse anonymous readers, reviewers and partners creating entries', async () => {
    for (const user of [undefined, users.reviewer, users.partner]) {
      await expect(
        payload.create({
          collection: 'entries',
          data: { title: 'x', campaign: published.id, track: 'case', status: 'draft' },
          ...as(user),
        }),
      ).rejects.toThrow()
    }
  })

  it('should refuse a track that the campaign does not have, naming the valid ones', async () => {
    const error = await payload
      .create({
        collection: 'entries',
        data: { title: 'x', campaign: published.id, track: 'no-such-track', status: 'draft' },
      })
      .then(
        () => undefined,
        (e: unknown) =>
          e as { status?: number; data?: { errors?: { path: string; message: string }[] } },
      )
    expect(error?.status).toBe(400)
    expect(error?.data?.errors).toEqual([
      {
        label: expect.anything(),
        path: 'track',
        message: '作品类别“no-such-track”不属于该活动（可选：case）',
      },
    ])
    const stored = await payload.count({ collection: 'entries', where: { title: { equals: 'x' } } })
    expect(stored.totalDocs).toBe(0)
  })

  it('should record every status change with who and why', async () => {
    const updated = await payload.update({
      collection: 'entries',
      id: entries.rejected.id,
      data: { status: 'submitted' },
      context: { statusReason: '申诉后重新提交' },
      ...as(users.editor),
    })
    const last = updated.history?.at(-1)
    expect(last).toMatchObject({
      from: 'rejected',
      to: 'submitted',
      reason: '申诉后重新提交',
      by: users.editor.id,
    })
  })
})

describe('campaigns, posts, organizations and users', () => {
  it('should show the public published campaigns only', async () => {
    const anon = await payload.find({ collection: 'campaigns', ...as(undefined) })
    expect(anon.docs.map((d) => d.slug)).toEqual(['open-campaign'])
    const editor = await payload.find({ collection: 'campaigns', ...as(users.editor), draft: true })
    expect(editor.docs.map((d) => d.slug).sort()).toEqual(['draft-campaign', 'open-campaign'])
    await expect(
      payload.findByID({ collection: 'campaigns', id: draftCampaign.id, ...as(users.alice) }),
    ).rejects.toThrow()
  })

  it('should refuse campaign changes from anyone but editors', async () => {
    for (const user of [undefined, users.alice, users.reviewer, users.partner]) {
      await expect(
        payload.update({
          collection: 'campaigns',
          id: published.id,
          data: { title: '改名' },
          ...as(user),
        }),
      ).rejects.toThrow()
    }
    const ok = await payload.update({
      collection: 'campaigns',
      id: published.id,
      data: { summary: '简介' },
      ...as(users.editor),
    })
    expect(ok.summary).toBe('简介')
  })

  it('should show unverified institutions only to editors and their own account', async () => {
    const pending = await payload.create({
      collection: 'organizations',
      data: { name: '待审核医院', type: 'medical', verification: 'pending', owner: users.alice.id },
    })
    const verified = await payload.create({
      collection: 'organizations',
      data: { name: '已认证医院', type: 'medical', verification: 'verified' },
    })
    try {
      const names = async (user: User | undefined) =>
        (await payload.find({ collection: 'organizations', ...as(user) })).docs
          .map((d) => d.name)
          .sort()
      expect(await names(undefined)).toEqual(['已认证医院'])
      expect(await names(users.bob)).toEqual(['已认证医院'])
      expect(await names(users.alice)).toEqual(['已认证医院', '待审核医院'].sort())
      expect(await names(users.editor)).toEqual(['已认证医院', '待审核医院'].sort())
      const selfVerified = await payload.update({
        collection: 'organizations',
        id: pending.id,
        data: { verification: 'verified' },
        ...as(users.alice),
      })
      expect(selfVerified.verification).toBe('pending')
    } finally {
      await payload.delete({ collection: 'organizations', id: pending.id })
      await payload.delete({ collection: 'organizations', id: verified.id })
    }
  })

  it('should let users read only themselves and never raise their own role', async () => {
    const seen = await payload.find({ collection: 'users', ...as(users.alice) })
    expect(seen.docs.map((d) => d.email)).toEqual([users.alice.email])
    const updated = await payload.update({
      collection: 'users',
      id: users.alice.id,
      data: { role: 'admin' },
      ...as(users.alice),
    })
    expect(updated.role).toBe('participant')
    const byEditor = await payload.update({
      collection: 'users',
      id: users.alice.id,
      data: { role: 'editor' },
      ...as(users.editor),
    })
    expect(byEditor.role).toBe('participant')
    const byAdmin = await payload.update({
      collection: 'users',
      id: users.bob.id,
      data: { name: 'Bob' },
      ...as(users.admin),
    })
    expect(byAdmin.name).toBe('Bob')
  })

  it('should keep draft posts from the public', async () => {
    const post = await payload.create({
      collection: 'posts',
      data: { title: '草稿动态', slug: 'draft-post', campaign: published.id, _status: 'draft' },
      draft: true,
    })
    try {
      const anon = await payload.find({ collection: 'posts', ...as(undefined) })
      expect(anon.docs).toHaveLength(0)
      const editor = await payload.find({ collection: 'posts', ...as(users.editor), draft: true })
      expect(editor.docs.map((d) => d.slug)).toEqual(['draft-post'])
    } finally {
      await payload.delete({ collection: 'posts', id: post.id })
    }
  })
})
