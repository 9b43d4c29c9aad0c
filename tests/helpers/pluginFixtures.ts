import { formatCertificateNumber } from '@exemplar/domain'

import { create, entry, reviewRow, sameAs, unique, type CollectionFixtures } from './fixtureParts'

// Snapshots are unique per (campaign, sequence): every fixture takes the next one.
let sequence = 0
const nextSequence = () => (sequence += 1)
// Certificate numbers are unique: every fixture takes the next serial.
let serials = 0
const nextSerial = () => (serials += 1)

/**
 * The access matrix's documents for the collections the plugins add: voting,
 * the workflow's reasons, expert review, frozen results, certificates, objections, uploads in flight
 * and page changes.
 */
export const PLUGIN_FIXTURES: Record<string, CollectionFixtures> = {
  voters: {
    kinds: {
      voter: (w) =>
        create(w, 'voters', { channel: 'email', addressHash: unique('h'), masked: 'a***@x' }),
    },
    sample: sameAs({ channel: 'email', addressHash: 'forged', masked: 'x' }),
  },
  'vote-codes': {
    kinds: {
      code: (w) =>
        create(w, 'vote-codes', {
          addressHash: unique('h'),
          codeHash: 'x',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
        }),
    },
    sample: sameAs({ addressHash: 'forged', codeHash: 'x', expiresAt: '2030-01-01T00:00:00Z' }),
  },
  votes: {
    kinds: {
      vote: async (w) => {
        const voter = await create(w, 'voters', {
          channel: 'email',
          addressHash: unique('h'),
          masked: 'a***@x',
        })
        return create(w, 'votes', {
          entry: (await entry(w, 'voting', w.users.other)).id,
          campaign: w.openCampaign.id,
          voter: voter.id,
          day: '2026-12-01',
          slot: 0,
        })
      },
    },
    sample: async (w) => ({
      entry: (await entry(w, 'voting', w.users.other)).id,
      campaign: w.openCampaign.id,
      voter: (
        await create(w, 'voters', { channel: 'email', addressHash: unique('h'), masked: 'x' })
      ).id,
      day: '2026-12-01',
      slot: 0,
      state: 'counted',
    }),
  },
  'vote-audits': {
    kinds: { audit: (w) => create(w, 'vote-audits', { action: 'flag', reason: '夹具' }) },
    sample: sameAs({ action: 'flag', reason: 'forged' }),
  },
  'workflow-reasons': {
    kinds: {
      reason: (w) =>
        create(w, 'workflow-reasons', {
          code: unique('r').replace(/\W/g, ''),
          label: '夹具原因',
          actions: ['return'],
        }),
    },
    sample: async () => ({
      code: unique('s').replace(/\W/g, ''),
      label: '新原因',
      actions: ['reject'],
    }),
  },
  'review-pools': {
    kinds: {
      pool: (w) =>
        create(w, 'review-pools', {
          name: unique('专家库'),
          campaign: w.openCampaign.id,
          reviewers: [w.users.reviewer.id],
        }),
    },
    sample: async (w) => ({
      name: unique('新专家库'),
      campaign: w.openCampaign.id,
      reviewers: [w.users.reviewer.id],
    }),
  },
  reviews: {
    kinds: {
      mine: async (w) => reviewRow(w, w.users.reviewer),
      others: async (w) => reviewRow(w, w.users.editor),
    },
    sample: async (w) => ({
      entry: (await entry(w, 'accepted')).id,
      reviewer: w.users.reviewer.id,
      campaign: w.openCampaign.id,
      track: 'case',
      status: 'submitted',
      total: 100,
    }),
  },
  'review-conflicts': {
    kinds: {
      mine: (w) =>
        create(w, 'review-conflicts', { reviewer: w.users.reviewer.id, reason: '夹具回避' }),
      others: (w) =>
        create(w, 'review-conflicts', { reviewer: w.users.editor.id, reason: '夹具回避' }),
    },
    sample: async (w) => ({ reviewer: w.users.reviewer.id, reason: '新回避' }),
  },
  'review-reminders': {
    kinds: {
      sent: async (w) =>
        create(w, 'review-reminders', {
          review: (await reviewRow(w, w.users.reviewer)).id,
          reviewer: w.users.reviewer.id,
          hours: 72,
        }),
    },
    sample: async (w) => ({
      review: (await reviewRow(w, w.users.reviewer)).id,
      reviewer: w.users.reviewer.id,
      hours: 24,
    }),
  },
  'result-snapshots': {
    kinds: {
      frozen: (w) =>
        create(w, 'result-snapshots', {
          campaign: w.openCampaign.id,
          sequence: nextSequence(),
          sha256: 'a'.repeat(64),
          frozenAt: new Date().toISOString(),
          body: { tracks: [] },
        }),
    },
    sample: async (w) => ({
      campaign: w.openCampaign.id,
      sequence: nextSequence(),
      sha256: 'b'.repeat(64),
      frozenAt: new Date().toISOString(),
      body: { forged: true },
    }),
  },
  certificates: {
    kinds: {
      issued: (w) => {
        const serial = nextSerial()
        return create(w, 'certificates', {
          number: formatCertificateNumber(2026, serial),
          year: 2026,
          serial,
          kind: 'award',
          campaign: w.openCampaign.id,
          issuedAt: new Date().toISOString(),
          holderUser: w.users.participant.id,
          holderNames: ['张三'],
          record: { v: 1 },
          signature: 'c2lnbmF0dXJl',
          keyId: '0123456789abcdef',
        })
      },
    },
    sample: async (w) => {
      const serial = nextSerial()
      return {
        number: formatCertificateNumber(2026, serial),
        year: 2026,
        serial,
        kind: 'award',
        status: 'valid',
        campaign: w.openCampaign.id,
        issuedAt: new Date().toISOString(),
        record: { forged: true },
        signature: 'Zm9yZ2Vk',
        keyId: 'forged',
      }
    },
  },
  objections: {
    kinds: {
      raised: async (w) =>
        create(w, 'objections', {
          campaign: w.openCampaign.id,
          entry: (await entry(w, 'publicity', w.users.other)).id,
          objector: w.users.participant.id,
          text: '数据虚报',
          status: 'open',
        }),
    },
    sample: async (w) => ({
      campaign: w.openCampaign.id,
      entry: (await entry(w, 'publicity', w.users.other)).id,
      objector: w.users.participant.id,
      text: 'forged',
      status: 'upheld',
    }),
  },
  'upload-sessions': {
    kinds: {
      session: (w) =>
        create(w, 'upload-sessions', {
          uploadId: unique('u'),
          owner: w.users.participant.id,
          kind: 'resumable',
          state: 'receiving',
          declaredBytes: 1024,
          activeAt: new Date().toISOString(),
        }),
    },
    sample: async (w) => ({
      uploadId: unique('forged'),
      owner: w.users.participant.id,
      kind: 'plain',
      state: 'receiving',
      declaredBytes: 1,
      activeAt: new Date().toISOString(),
    }),
  },
  'page-changes': {
    kinds: { change: (w) => create(w, 'page-changes', { tags: 'entry:1 gallery' }) },
    sample: sameAs({ tags: 'forged' }),
  },
}
