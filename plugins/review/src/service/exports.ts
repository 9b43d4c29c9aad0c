import {
  ENTRY_STATE_LABELS,
  formatBeijing,
  normalizeScores,
  RECOMMENDATION_LABELS,
  REVIEW_STATUS_LABELS,
  type EntryState,
  type Recommendation,
  type ReviewStatus,
} from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ExportColumn, ExportTable } from '@exemplar/http/csv'
import type { ResolvedReviewOptions } from '../types'
import { allDocs, refId, trackOf, type CampaignReview, type Doc } from './lookups'

export const EXPORT_KINDS = ['entries', 'reviews', 'votes'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

const text = (v: unknown) =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const round2 = (v: number) => Math.round(v * 100) / 100

async function namesOf(
  req: PayloadRequest,
  collection: ResolvedReviewOptions['users'],
  ids: unknown[],
  field: string,
): Promise<Map<string, string>> {
  const unique = [
    ...new Set(
      ids
        .map((v) => refId(v))
        .filter((v) => v !== undefined)
        .map(String),
    ),
  ]
  if (unique.length === 0) {
    return new Map()
  }
  const docs = await allDocs(req, collection, { id: { in: unique } }, [field])
  return new Map(docs.map((d) => [String(d.id), text(d[field])]))
}

/**
 * One export of a campaign for editors: its entries with their scores, every
 * review with each criterion, or the public votes per entry. Defined once as
 * a table, written as CSV or XLSX by the caller.
 */
export async function exportTable(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  what: ExportKind,
): Promise<ExportTable<Doc>> {
  const { fields } = options
  const entries = await allDocs(req, options.entries, {
    [fields.campaign]: { equals: campaign.id },
  })
  entries.sort((a, b) => text(a[fields.number]).localeCompare(text(b[fields.number])))
  const trackName = (key: unknown) => trackOf(campaign, key)?.name ?? text(key)
  const entryColumns: ExportColumn<Doc>[] = [
    { key: 'number', header: '作品编号', value: (e) => text(e[fields.number]) },
    { key: 'title', header: '标题', value: (e) => text(e[fields.title]) },
    { key: 'track', header: '作品类别', value: (e) => trackName(e[fields.track]) },
  ]
  if (what === 'votes') {
    return {
      name: `${campaign.slug || campaign.id}-votes`,
      columns: [
        ...entryColumns,
        {
          key: 'status',
          header: '状态',
          value: (e) =>
            ENTRY_STATE_LABELS[e[fields.status] as EntryState]?.zh ?? text(e[fields.status]),
        },
        { key: 'votes', header: '票数', value: (e) => num(e.voteCount) ?? 0 },
      ],
      rows: entries,
    }
  }
  const reviews = await allDocs(req, options.slugs.reviews, { campaign: { equals: campaign.id } })
  const submitted = reviews.filter((r) => r.status === 'submitted')
  const normalized = normalizeScores(
    submitted.map((r) => ({
      entryId: refId(r.entry)!,
      reviewerId: refId(r.reviewer)!,
      total: Number(r.total),
    })),
    campaign.normalization,
  )
  if (what === 'entries') {
    const orgs = await namesOf(
      req,
      options.organizations,
      entries.map((e) => e[fields.organization]),
      'name',
    )
    const score = (e: Doc) => normalized.entries.find((n) => String(n.entryId) === String(e.id))
    return {
      name: `${campaign.slug || campaign.id}-entries`,
      columns: [
        ...entryColumns,
        {
          key: 'status',
          header: '状态',
          value: (e) =>
            ENTRY_STATE_LABELS[e[fields.status] as EntryState]?.zh ?? text(e[fields.status]),
        },
        {
          key: 'institution',
          header: '报送机构',
          value: (e) => orgs.get(String(refId(e[fields.organization]))) ?? '',
        },
        { key: 'province', header: '省份', value: (e) => text(e[fields.province]) },
        {
          key: 'authors',
          header: '作者',
          value: (e) =>
            ((e[fields.authors] ?? []) as { name?: string }[]).map((a) => a?.name ?? '').join('、'),
        },
        { key: 'votes', header: '票数', value: (e) => num(e.voteCount) ?? 0 },
        { key: 'reviews', header: '已评人数', value: (e) => score(e)?.reviews ?? 0 },
        {
          key: 'rawMean',
          header: '专家原始平均分',
          value: (e) => {
            const s = score(e)
            return s ? round2(s.rawMean) : null
          },
        },
        {
          key: 'normalized',
          header: `标准化平均分（${campaign.normalization}）`,
          value: (e) => {
            const s = score(e)
            return s ? round2(s.mean) : null
          },
        },
      ],
      rows: entries,
    }
  }
  const reviewers = await namesOf(
    req,
    options.users,
    reviews.map((r) => r.reviewer),
    fields.userName,
  )
  const byId = new Map(entries.map((e) => [String(e.id), e]))
  const criteria = campaign.tracks.flatMap((t) => t.rubric.map((c) => ({ ...c, track: t.key })))
  const keys = [...new Map(criteria.map((c) => [c.key, c])).values()]
  const normalOf = (r: Doc) =>
    normalized.reviews.find(
      (n) =>
        String(n.entryId) === String(refId(r.entry)) &&
        String(n.reviewerId) === String(refId(r.reviewer)),
    )
  reviews.sort((a, b) =>
    text(byId.get(String(refId(a.entry)))?.[fields.number]).localeCompare(
      text(byId.get(String(refId(b.entry)))?.[fields.number]),
    ),
  )
  return {
    name: `${campaign.slug || campaign.id}-reviews`,
    columns: [
      {
        key: 'number',
        header: '作品编号',
        value: (r) => text(byId.get(String(refId(r.entry)))?.[fields.number]),
      },
      {
        key: 'title',
        header: '标题',
        value: (r) => text(byId.get(String(refId(r.entry)))?.[fields.title]),
      },
      { key: 'track', header: '作品类别', value: (r) => trackName(r.track) },
      {
        key: 'reviewer',
        header: '评审专家',
        value: (r) => reviewers.get(String(refId(r.reviewer))) ?? '',
      },
      {
        key: 'status',
        header: '状态',
        value: (r) => REVIEW_STATUS_LABELS[r.status as ReviewStatus]?.zh ?? text(r.status),
      },
      ...keys.map((c) => ({
        key: `score.${c.key}`,
        header: `${c.label}（满分 ${c.scaleMax}）`,
        value: (r: Doc) => num((r.scores as Record<string, unknown> | null)?.[c.key]),
      })),
      { key: 'total', header: '加权总分', value: (r) => num(r.total) },
      {
        key: 'normalized',
        header: '标准化分',
        value: (r) => {
          const n = normalOf(r)
          return n ? round2(n.normalized) : null
        },
      },
      {
        key: 'recommendation',
        header: '推荐意见',
        value: (r) => RECOMMENDATION_LABELS[r.recommendation as Recommendation]?.zh ?? '',
      },
      { key: 'comment', header: '评语', value: (r) => text(r.comment) },
      { key: 'reason', header: '拒评或回避原因', value: (r) => text(r.reason) },
      {
        key: 'submittedAt',
        header: '提交时间（北京时间）',
        value: (r) => (r.submittedAt ? formatBeijing(String(r.submittedAt)) : ''),
      },
    ],
    rows: reviews,
  }
}
