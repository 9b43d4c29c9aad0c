'use client'
import { NORMALIZATION_LABELS, type NormalizationMethod } from '@exemplar/domain'
import { useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { ApiError, callApi } from './api'

type Id = number | string

interface Progress {
  dueAt: string | null
  reviewers: {
    id: Id
    name: string
    assigned: number
    submitted: number
    declined: number
    conflicted: number
  }[]
  tracks: { track: string; name: string; entries: number; assigned: number; submitted: number }[]
}

interface Scores {
  method: NormalizationMethod
  entries: {
    entryId: Id
    number: string
    title: string
    track: string
    mean: number
    rawMean: number
    reviews: number
    flags: { reason: string; message: string }[]
  }[]
}

const cell = { padding: '0.35rem 0.6rem', borderBottom: '1px solid var(--theme-elevation-150)' }
const EXPORTS = [
  ['entries', '作品与得分'],
  ['reviews', '评审明细'],
  ['votes', '投票'],
] as const

/**
 * 评审工作台: for one campaign, automatic assignment (exactly k per entry or
 * the list of entries that cannot have them), progress per reviewer and per
 * track, the normalized scores with the entries whose reviewers disagree
 * flagged, and the exports.
 */
export function ReviewDesk(props: { campaignsSlug: string }) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [campaigns, setCampaigns] = useState<{ id: Id; title: string }[]>([])
  const [campaign, setCampaign] = useState('')
  const [progress, setProgress] = useState<Progress | null>(null)
  const [scores, setScores] = useState<Scores | null>(null)
  const [track, setTrack] = useState('')
  const [k, setK] = useState('')
  const [seed, setSeed] = useState('')
  const [message, setMessage] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    callApi<{ docs: { id: Id; title: string }[] }>(
      `${api}/${props.campaignsSlug}?limit=200&depth=0&sort=-createdAt&select[title]=true`,
    )
      .then(({ docs }) => {
        setCampaigns(docs)
        setCampaign((c) => c || String(docs[0]?.id ?? ''))
      })
      .catch((e: Error) => setMessage(e.message))
  }, [api, props.campaignsSlug])

  // `live` says whether the answer is still wanted: switching campaigns while one loads must not
  // let the earlier campaign's answer, arriving last, overwrite the one now chosen.
  const load = useCallback(
    async (live: () => boolean = () => true) => {
      if (!campaign) {
        return
      }
      const q = `campaign=${encodeURIComponent(campaign)}`
      const [p, s] = await Promise.all([
        callApi<Progress>(`${api}/review/progress?${q}`),
        callApi<Scores>(`${api}/review/scores?${q}`),
      ])
      if (live()) {
        setProgress(p)
        setScores(s)
      }
    },
    [api, campaign],
  )

  useEffect(() => {
    let live = true
    load(() => live).catch((e: Error) => live && setMessage(e.message))
    return () => {
      live = false
    }
  }, [load])

  const assign = async () => {
    setBusy(true)
    setMessage('')
    setProblems([])
    try {
      const out = await callApi<{ added: unknown[] }>(`${api}/review/assignments`, {
        method: 'POST',
        body: {
          campaign,
          mode: 'auto',
          ...(track ? { track } : {}),
          ...(k ? { k: Number(k) } : {}),
          ...(seed ? { seed } : {}),
        },
      })
      setMessage(`已新分配 ${out.added.length} 项评审任务`)
      await load()
    } catch (e) {
      const body =
        e instanceof ApiError
          ? (e.body as { infeasible?: { entryId: Id; message: string }[] })
          : null
      setMessage((e as Error).message)
      setProblems((body?.infeasible ?? []).map((i) => `作品 ${String(i.entryId)}：${i.message}`))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div data-review-desk>
      <p>
        <label>
          征集活动{' '}
          <select
            value={campaign}
            onChange={(e) => setCampaign(e.target.value)}
            data-review-campaign
          >
            {campaigns.map((c) => (
              <option key={String(c.id)} value={String(c.id)}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        {progress?.dueAt
          ? ` 评审截止：${new Date(progress.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}（北京时间）`
          : ''}
      </p>

      <h2>自动分配</h2>
      <p>
        每件作品恰好分配 k
        位无回避冲突的评审专家，负载尽量均衡；同一随机种子结果相同。已有分配保留。
      </p>
      <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <label>
          类别{' '}
          <select value={track} onChange={(e) => setTrack(e.target.value)}>
            <option value="">全部类别</option>
            {(progress?.tracks ?? []).map((t) => (
              <option key={t.track} value={t.track}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          每件人数 k{' '}
          <input
            type="number"
            min={1}
            max={20}
            value={k}
            onChange={(e) => setK(e.target.value)}
            style={{ width: '5em' }}
          />
        </label>
        <label>
          随机种子{' '}
          <input
            value={seed}
            maxLength={40}
            onChange={(e) => setSeed(e.target.value)}
            style={{ width: '8em' }}
          />
        </label>
        <button
          type="button"
          className="btn btn--style-primary"
          disabled={busy || !campaign}
          onClick={assign}
          data-review-assign
        >
          自动分配
        </button>
      </p>
      {message ? (
        <p role="status" data-review-message>
          {message}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul data-review-infeasible>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}

      <h2>评审进度</h2>
      <table style={{ borderCollapse: 'collapse' }} data-review-progress>
        <thead>
          <tr>
            {['评审专家', '已分配', '已提交', '已拒评', '已回避'].map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(progress?.reviewers ?? []).map((r) => (
            <tr key={String(r.id)} data-reviewer={r.name}>
              <td style={cell}>{r.name}</td>
              <td style={cell}>{r.assigned}</td>
              <td style={cell}>{r.submitted}</td>
              <td style={cell}>{r.declined}</td>
              <td style={cell}>{r.conflicted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {(progress?.tracks ?? [])
          .map((t) => `${t.name}：${t.entries} 件作品，${t.submitted}/${t.assigned} 份评分已提交`)
          .join('；')}
      </p>

      <h2>评审得分（{scores ? NORMALIZATION_LABELS[scores.method].zh : ''}）</h2>
      <table style={{ borderCollapse: 'collapse' }} data-review-scores>
        <thead>
          <tr>
            {['作品编号', '标题', '标准化平均分', '原始平均分', '已评', '提示'].map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(scores?.entries ?? []).map((e) => (
            <tr key={String(e.entryId)} data-entry-number={e.number}>
              <td style={cell}>{e.number}</td>
              <td style={cell}>{e.title}</td>
              <td style={cell} data-normalized>
                {e.mean.toFixed(2)}
              </td>
              <td style={cell}>{e.rawMean.toFixed(2)}</td>
              <td style={cell}>{e.reviews}</td>
              <td style={cell}>{e.flags.map((f) => f.message).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>导出</h2>
      <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        {EXPORTS.flatMap(([what, label]) =>
          (['csv', 'xlsx'] as const).map((format) => (
            <a
              key={`${what}.${format}`}
              href={`${api}/review/export?campaign=${encodeURIComponent(campaign)}&what=${what}&format=${format}`}
            >
              {label}（{format.toUpperCase()}）
            </a>
          )),
        )}
      </p>
    </div>
  )
}
