'use client'
import { ENTRY_STATE_LABELS, isEntryState, OBJECTION_DECISION_MAX } from '@exemplar/domain'
import { adminJson as call } from '@exemplar/http/admin'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Id = number | string

interface Objection {
  status: string
  entry: Id | { id: Id }
  decision?: string | null
  evidence?: ({ id: Id; filename?: string | null; url?: string | null } | Id)[] | null
}

interface EntryView {
  number?: string
  title?: string
  status?: string
  campaign?: { slug?: string } | Id
  history?: { from?: string | null; to?: string; at?: string; reason?: string | null }[]
}

interface Integrity {
  bursts: { entryId: Id; minute: string; votes: number }[]
  newVoterSpikes: { entryId: Id; hour: string; votes: number }[]
}

const label = (s: string | null | undefined) =>
  s && isEntryState(s) ? ENTRY_STATE_LABELS[s].zh : (s ?? '—')

/**
 * 异议处理: beside an objection, the entry's status and history and the
 * vote-integrity findings for that entry (bursts, new-voter spikes), so
 * the editor decides with the facts in view; then uphold (revokes the
 * entry and freezes the results again) or dismiss, with a reason the
 * objector is mailed.
 */
export function DecidePanel(props: { slug: string; entries: string }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [objection, setObjection] = useState<Objection | null>(null)
  const [entry, setEntry] = useState<EntryView | null>(null)
  const [integrity, setIntegrity] = useState<Integrity | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (id === undefined || id === null) {
      return
    }
    const load = async () => {
      const o = await call<Objection>(`${api}/${props.slug}/${String(id)}?depth=1`)
      setObjection(o)
      const entryId = typeof o.entry === 'object' ? o.entry.id : o.entry
      const e = await call<EntryView>(`${api}/${props.entries}/${String(entryId)}?depth=1`)
      setEntry(e)
      const slug = typeof e.campaign === 'object' ? e.campaign.slug : undefined
      if (slug) {
        const report = await call<Integrity>(
          `${api}/voting/integrity?campaign=${encodeURIComponent(slug)}`,
        ).catch(() => null)
        if (report) {
          const mine = (x: { entryId: Id }) => String(x.entryId) === String(entryId)
          setIntegrity({
            bursts: report.bursts.filter(mine),
            newVoterSpikes: report.newVoterSpikes.filter(mine),
          })
        }
      }
    }
    load().catch((e: Error) => setMessage(e.message))
  }, [api, id, props.entries, props.slug])

  if (id === undefined || id === null) {
    return null
  }
  const decide = async (decision: 'uphold' | 'dismiss') => {
    setBusy(true)
    setMessage('')
    try {
      await call(`${api}/${props.slug}/${String(id)}/decide`, { decision, reason })
      window.location.reload()
    } catch (e) {
      setMessage((e as Error).message)
      setBusy(false)
    }
  }
  return (
    <div className="field-type" data-testid="objection-panel">
      {entry ? (
        <>
          <p>
            被异议作品：{entry.number} {entry.title}（{label(entry.status)}）
          </p>
          <ol data-testid="objection-entry-history">
            {(entry.history ?? []).map((h, i) => (
              <li key={i}>
                {h.at?.slice(0, 10)} {label(h.from)} → {label(h.to)}
                {h.reason ? `：${h.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {objection?.evidence?.length ? (
        <ul data-testid="objection-evidence">
          {objection.evidence.map((file) =>
            typeof file === 'object' ? (
              <li key={String(file.id)}>
                证据材料：
                <a href={file.url ?? '#'} target="_blank" rel="noreferrer">
                  {file.filename ?? String(file.id)}
                </a>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {integrity ? (
        <p data-testid="objection-integrity">
          投票核查：集中投票 {integrity.bursts.length} 次
          {integrity.bursts.length > 0
            ? `（最多一分钟 ${Math.max(...integrity.bursts.map((b) => b.votes))} 票）`
            : ''}
          ，新注册投票者激增 {integrity.newVoterSpikes.length} 次
        </p>
      ) : null}
      {objection?.status === 'open' ? (
        <div>
          <label htmlFor="objection-reason">处理意见（将以邮件告知异议人）</label>
          <textarea
            id="objection-reason"
            value={reason}
            maxLength={OBJECTION_DECISION_MAX}
            onChange={(e) => setReason(e.target.value)}
            rows={4}
            style={{ width: '100%' }}
          />
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy || !reason.trim()}
            onClick={() => void decide('uphold')}
          >
            异议成立：撤销该作品
          </button>{' '}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy || !reason.trim()}
            onClick={() => void decide('dismiss')}
          >
            异议不成立
          </button>
        </div>
      ) : null}
      {message ? <p role="alert">{message}</p> : null}
    </div>
  )
}
