'use client'
import {
  ENTRY_ACTION_LABELS,
  ENTRY_STATES,
  ENTRY_STATE_LABELS,
  transitionOf,
} from '@exemplar/domain'
import { useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { callApi } from './api'
import { ReasonPicker, type ReasonValue } from './ReasonPicker'

interface Summary {
  campaigns: { id: number | string; title: string }[]
  campaign: { id: number | string; title: string } | null
  tracks: { key: string; name: string }[]
  counts: Record<string, number>
  byTrack: Record<string, Record<string, number>>
  queue: {
    id: number | string
    number: string | null
    title: string
    status: string
    track: string | null
    flags: number
  }[]
  queueTotal: number
}

const BULK = ['startScreening', 'accept', 'return', 'reject', 'disqualify'] as const

/**
 * 初审工作台: one campaign's entries counted per state and per track (each
 * count opens the entries list filtered to it), and the queue of entries
 * waiting, with their screening flags, for bulk actions through the
 * workflow's bulk endpoint — each entry moved in its own transaction, the
 * ones that could not move listed with the reason.
 */
export function ScreeningDesk(props: { entriesSlug?: string; reasonsSlug?: string }) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const admin = config.routes.admin
  const entries = props.entriesSlug ?? 'entries'
  const [campaign, setCampaign] = useState('')
  const [data, setData] = useState<Summary | null>(null)
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [action, setAction] = useState<(typeof BULK)[number]>('startScreening')
  const [reason, setReason] = useState<ReasonValue>({ code: '', text: '' })
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const q = campaign ? `?campaign=${encodeURIComponent(campaign)}` : ''
    setData(await callApi<Summary>(`${api}/workflow/screening${q}`))
  }, [api, campaign])

  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message))
  }, [load])

  const listUrl = (state: string, track?: string) => {
    const q = new URLSearchParams({ 'where[status][equals]': state })
    if (data?.campaign) {
      q.set('where[campaign][equals]', String(data.campaign.id))
    }
    if (track) {
      q.set('where[track][equals]', track)
    }
    return `${admin}/collections/${entries}?${q.toString()}`
  }

  const run = async () => {
    setBusy(true)
    setMessage('')
    try {
      const needsReason = transitionOf(action).needsReason
      const out = await callApi<{ done: unknown[]; refused: { id: unknown; message: string }[] }>(
        `${api}/workflow/entries/transitions`,
        {
          method: 'POST',
          body: { ids: [...picked], action, ...(needsReason ? { reason } : {}) },
        },
      )
      const refused = out.refused.map((r) => `#${String(r.id)}：${r.message}`).join('；')
      setMessage(`已处理 ${out.done.length} 件${refused ? `；未处理：${refused}` : ''}`)
      setPicked(new Set())
      await load()
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (!data) {
    return <p>{message || '加载中…'}</p>
  }
  const shown = ENTRY_STATES.filter((s) => (data.counts[s] ?? 0) > 0)
  return (
    <div className="workflow-desk" data-testid="screening-desk">
      <label>
        征集活动{' '}
        <select
          value={String(data.campaign?.id ?? '')}
          onChange={(e) => setCampaign(e.target.value)}
        >
          {data.campaigns.map((c) => (
            <option key={String(c.id)} value={String(c.id)}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <h2>各状态作品数</h2>
      <table className="workflow-desk__counts">
        <thead>
          <tr>
            <th scope="col">作品类别</th>
            {shown.map((s) => (
              <th key={s} scope="col">
                {ENTRY_STATE_LABELS[s].zh}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.tracks.map((t) => (
            <tr key={t.key}>
              <th scope="row">{t.name}</th>
              {shown.map((s) => (
                <td key={s}>
                  <a href={listUrl(s, t.key)}>{data.byTrack[t.key]?.[s] ?? 0}</a>
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">合计</th>
            {shown.map((s) => (
              <td key={s}>
                <a href={listUrl(s)}>{data.counts[s]}</a>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h2>
        待审队列（{data.queue.length}
        {data.queueTotal > data.queue.length ? ` / ${data.queueTotal}` : ''}）
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <label>
          批量操作{' '}
          <select value={action} onChange={(e) => setAction(e.target.value as typeof action)}>
            {BULK.map((a) => (
              <option key={a} value={a}>
                {ENTRY_ACTION_LABELS[a].zh}
              </option>
            ))}
          </select>
        </label>
        {transitionOf(action).needsReason ? (
          <ReasonPicker
            api={api}
            slug={props.reasonsSlug ?? 'workflow-reasons'}
            action={action}
            value={reason}
            onChange={setReason}
          />
        ) : null}
        <button
          type="submit"
          className="btn btn--style-primary btn--size-small"
          disabled={busy || picked.size === 0}
        >
          对选中的 {picked.size} 件执行
        </button>
      </form>
      {message ? <p role="status">{message}</p> : null}
      <table className="workflow-desk__queue">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="全选"
                checked={picked.size > 0 && picked.size === data.queue.length}
                onChange={(e) =>
                  setPicked(
                    e.target.checked ? new Set(data.queue.map((q) => String(q.id))) : new Set(),
                  )
                }
              />
            </th>
            <th scope="col">编号</th>
            <th scope="col">标题</th>
            <th scope="col">类别</th>
            <th scope="col">状态</th>
            <th scope="col">初审提示</th>
          </tr>
        </thead>
        <tbody>
          {data.queue.map((q) => (
            <tr key={String(q.id)}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`选择 ${q.title}`}
                  checked={picked.has(String(q.id))}
                  onChange={(e) => {
                    const next = new Set(picked)
                    if (e.target.checked) {
                      next.add(String(q.id))
                    } else {
                      next.delete(String(q.id))
                    }
                    setPicked(next)
                  }}
                />
              </td>
              <td>{q.number ?? '—'}</td>
              <td>
                <a href={`${admin}/collections/${entries}/${String(q.id)}`}>{q.title}</a>
              </td>
              <td>{data.tracks.find((t) => t.key === q.track)?.name ?? q.track ?? ''}</td>
              <td>
                {ENTRY_STATE_LABELS[q.status as keyof typeof ENTRY_STATE_LABELS]?.zh ?? q.status}
              </td>
              <td>{q.flags > 0 ? `${q.flags} 处` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
