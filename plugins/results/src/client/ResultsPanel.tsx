'use client'
import type { ResultsBody } from '@exemplar/domain'
import { adminJson as call } from '@exemplar/http/admin'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Id = number | string

interface Preview {
  sha256: string
  body: ResultsBody
  latest: { id: Id; sequence: number; sha256: string } | null
  changed: boolean
}

interface Frozen {
  created: boolean
  snapshot: { sequence: number; sha256: string }
}

const score = (n: number | null) => (n === null ? '—' : String(n))

/**
 * 结果预览与冻结: the results as a freeze would record them now, track by
 * track, each tier's holders within its quota and any places left empty;
 * then freeze, with the reason a changed result needs after the first.
 */
export function ResultsPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [preview, setPreview] = useState<Preview | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  if (id === undefined || id === null) {
    return null
  }
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
  const load = () =>
    run(async () => {
      setPreview(await call<Preview>(`${api}/results/preview?campaign=${String(id)}`))
    })
  const freeze = () =>
    run(async () => {
      const done = await call<Frozen>(`${api}/results/freeze`, {
        campaign: id,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      })
      setMessage(
        done.created
          ? `已冻结第 ${done.snapshot.sequence} 版结果，SHA-256 ${done.snapshot.sha256}`
          : `结果与第 ${done.snapshot.sequence} 版相同，未新建快照`,
      )
      setReason('')
      setPreview(await call<Preview>(`${api}/results/preview?campaign=${String(id)}`))
    })
  const latest = preview?.latest ?? null
  return (
    <div className="field-type" data-testid="results-panel">
      <p>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy}
          onClick={() => void load()}
          data-testid="results-preview"
        >
          {preview ? '重新预览结果' : '预览结果'}
        </button>
      </p>
      {preview ? (
        <>
          <p data-testid="results-preview-state">
            {latest
              ? preview.changed
                ? `与已冻结的第 ${latest.sequence} 版不同，冻结须写明变更原因`
                : `与已冻结的第 ${latest.sequence} 版相同`
              : '尚未冻结结果'}
            ；预览 SHA-256 <code>{preview.sha256.slice(0, 16)}…</code>
          </p>
          {preview.body.tracks.map((track) => (
            <div key={track.key} data-track={track.key}>
              <h4>
                {track.name}（参评 {track.base} 件）
              </h4>
              {track.tiers.map((tier) => (
                <div key={tier.key}>
                  <p>
                    <strong>{tier.name}</strong>：入选 {tier.filled} / 名额 {tier.limit}
                    {tier.shortfall > 0 ? `，空缺 ${tier.shortfall}` : ''}
                  </p>
                  <ol>
                    {track.rows
                      .filter((r) => r.tier === tier.key)
                      .map((r) => (
                        <li key={r.entryId}>
                          {r.number} {r.title}（{r.institution}）总分 {score(r.total)}
                        </li>
                      ))}
                  </ol>
                </div>
              ))}
            </div>
          ))}
          {preview.body.organizers ? (
            <div data-testid="results-organizers">
              <h4>优秀组织机构（至多 {preview.body.organizers.rule.limit} 家）</h4>
              <ol>
                {preview.body.organizers.candidates.map((o) => (
                  <li key={o.institution}>
                    {o.institution}：报送 {o.entries} 件，入选 {o.awarded} 件
                    {o.selected ? '' : '（名额边界并列，未计入）'}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {latest && preview.changed ? (
            <div>
              <label htmlFor="results-reason">变更原因（随新版本公开）</label>
              <textarea
                id="results-reason"
                value={reason}
                maxLength={1000}
                rows={3}
                style={{ width: '100%' }}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          ) : null}
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy || (latest !== null && (!preview.changed || !reason.trim()))}
            onClick={() => void freeze()}
            data-testid="results-freeze"
          >
            冻结结果
          </button>
        </>
      ) : null}
      {message ? (
        <p role="status" data-testid="results-panel-message">
          {message}
        </p>
      ) : null}
    </div>
  )
}
