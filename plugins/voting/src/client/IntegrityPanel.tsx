'use client'
import { adminJson as call } from '@exemplar/http/admin'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Id = number | string

interface Report {
  bursts: { entryId: Id; minute: string; votes: number }[]
  ipClusters: { ipHash: string; voters: number; votes: number }[]
  deviceClusters: { deviceHash: string; voters: number; votes: number }[]
  newVoterSpikes: { entryId: Id; hour: string; votes: number }[]
  flagged: number
  voided: number
}

interface EntryName {
  id: Id
  number?: string | null
  title?: string | null
}

/** Each list shows its heaviest rows; the JSON report has them all. */
const ROWS = 20

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
})
const when = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : beijing.format(t)
}
const heaviest = <T extends { votes: number }>(rows: T[]) =>
  [...rows].sort((a, b) => b.votes - a.votes).slice(0, ROWS)

function Table(props: {
  caption: string
  head: string[]
  rows: (string | number)[][]
  testId: string
}) {
  if (props.rows.length === 0) {
    return <p data-testid={props.testId}>{props.caption}：无</p>
  }
  return (
    <table className="table" data-testid={props.testId} style={{ marginBottom: '1rem' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * 投票核查: the campaign's vote-integrity report in the admin, beside its
 * voting rule — bursts of votes for one entry within a minute, networks
 * and devices shared by many voters, spikes of votes from voters created
 * that hour — with the entries named, and the one action the report
 * supports: flag the votes behind them for an editor to void one by one.
 */
export function IntegrityPanel(props: { entries: string; votes: string }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const admin = `${config.serverURL ?? ''}${config.routes.admin}`
  const [report, setReport] = useState<Report | null>(null)
  const [names, setNames] = useState<Map<string, EntryName>>(new Map())
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  if (id === undefined || id === null) {
    return null
  }
  const slugOf = async () =>
    (await call<{ slug: string }>(`${api}/campaigns/${String(id)}?depth=0&select[slug]=true`)).slug
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setMessage('')
    try {
      await work()
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const load = async (slug: string) => {
    const r = await call<Report>(`${api}/voting/integrity?campaign=${encodeURIComponent(slug)}`)
    const ids = [...new Set([...r.bursts, ...r.newVoterSpikes].map((x) => String(x.entryId)))]
    const found =
      ids.length === 0
        ? []
        : (
            await call<{ docs: EntryName[] }>(
              `${api}/${props.entries}?depth=0&limit=${ids.length}&select[number]=true&select[title]=true&${ids
                .map((x, i) => `where[id][in][${i}]=${encodeURIComponent(x)}`)
                .join('&')}`,
            )
          ).docs
    setNames(new Map(found.map((e) => [String(e.id), e])))
    setReport(r)
  }
  const entry = (entryId: Id) => {
    const e = names.get(String(entryId))
    return e ? `${e.number ?? ''} ${e.title ?? ''}`.trim() : `#${String(entryId)}`
  }
  const flag = () =>
    run(async () => {
      const slug = await slugOf()
      const done = await call<{ flagged: number }>(
        `${api}/voting/flag?campaign=${encodeURIComponent(slug)}`,
        {},
      )
      setMessage(`已标记 ${done.flagged} 票为可疑：仍计入票数，须逐票核实后作废`)
      await load(slug)
    })
  const flaggedList = `${admin}/collections/${props.votes}?where[campaign][equals]=${String(id)}&where[state][equals]=flagged`
  return (
    <div className="field-type" data-testid="integrity-panel">
      <h3>投票核查</h3>
      <p>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy}
          onClick={() => void run(async () => load(await slugOf()))}
          data-testid="integrity-load"
        >
          {report ? '重新核查' : '查看投票核查报告'}
        </button>
      </p>
      {report ? (
        <div>
          <p data-testid="integrity-summary">
            集中投票 {report.bursts.length} 处，同一网络多人投票 {report.ipClusters.length}{' '}
            处，同一设备多人投票 {report.deviceClusters.length} 处，新投票者激增{' '}
            {report.newVoterSpikes.length} 处；已标记可疑 {report.flagged} 票，已作废{' '}
            {report.voided} 票。 <a href={flaggedList}>查看已标记的投票</a>
          </p>
          <Table
            caption="集中投票（同一作品一分钟内）"
            head={['作品', '时间（北京时间）', '票数']}
            rows={heaviest(report.bursts).map((b) => [entry(b.entryId), when(b.minute), b.votes])}
            testId="integrity-bursts"
          />
          <Table
            caption="新投票者激增（当小时新验证的投票者）"
            head={['作品', '小时（北京时间）', '票数']}
            rows={heaviest(report.newVoterSpikes).map((s) => [
              entry(s.entryId),
              when(s.hour),
              s.votes,
            ])}
            testId="integrity-spikes"
          />
          <Table
            caption="同一网络的多名投票者"
            head={['网络（散列）', '投票者', '票数']}
            rows={heaviest(report.ipClusters).map((c) => [
              c.ipHash.slice(0, 10),
              c.voters,
              c.votes,
            ])}
            testId="integrity-networks"
          />
          <Table
            caption="同一设备的多名投票者"
            head={['设备（散列）', '投票者', '票数']}
            rows={heaviest(report.deviceClusters).map((c) => [
              c.deviceHash.slice(0, 10),
              c.voters,
              c.votes,
            ])}
            testId="integrity-devices"
          />
          <p>
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              disabled={busy}
              onClick={() => void flag()}
              data-testid="integrity-flag"
            >
              标记可疑投票
            </button>
          </p>
        </div>
      ) : null}
      {message ? (
        <p role="status" data-testid="integrity-message">
          {message}
        </p>
      ) : null}
    </div>
  )
}
