'use client'
import { ENTRY_STATE_LABELS, isEntryState } from '@exemplar/domain'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { callApi } from './api'
import { ReasonPicker, type ReasonValue } from './ReasonPicker'

interface PinCheck {
  pinned: boolean
  ok?: boolean
  problems?: { message: string }[]
}

interface Offered {
  action: string
  label: { zh: string; en: string }
  needsReason: boolean
}

/**
 * The entry's workflow in the admin's sidebar: its state and the actions
 * the editor may take now (from the transition table, through the
 * workflow's endpoint), with the reason list where one is needed. The
 * status field itself is read-only: this is the only way to change it.
 */
export function TransitionPanel(props: { reasonsSlug?: string }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const reasonsSlug = props.reasonsSlug ?? 'workflow-reasons'
  const [status, setStatus] = useState<string>('')
  const [offered, setOffered] = useState<Offered[]>([])
  const [chosen, setChosen] = useState<Offered | null>(null)
  const [reason, setReason] = useState<ReasonValue>({ code: '', text: '' })
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const [pin, setPin] = useState<PinCheck | null>(null)

  const load = useCallback(async () => {
    if (id === undefined || id === null) {
      return
    }
    const out = await callApi<{ status: string; actions: Offered[] }>(
      `${api}/workflow/entries/${String(id)}/transitions`,
    )
    setStatus(out.status)
    setOffered(out.actions)
    setPin(await callApi<PinCheck>(`${api}/workflow/entries/${String(id)}/pin`).catch(() => null))
  }, [api, id])

  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message))
  }, [load])

  if (id === undefined || id === null) {
    return null
  }
  const apply = async (o: Offered) => {
    setBusy(true)
    setMessage('')
    try {
      await callApi(`${api}/workflow/entries/${String(id)}/transitions`, {
        method: 'POST',
        body: o.needsReason ? { action: o.action, reason } : { action: o.action },
      })
      // The form shows the stored document: read it again with its new status and history row.
      window.location.reload()
    } catch (e) {
      setMessage((e as Error).message)
      setBusy(false)
    }
  }
  return (
    <div className="field-type workflow-panel" data-testid="workflow-panel">
      <p>
        当前状态：<strong>{isEntryState(status) ? ENTRY_STATE_LABELS[status].zh : status}</strong>
      </p>
      {pin?.pinned ? (
        <p data-testid="workflow-pin">
          审核锁定：
          {pin.ok
            ? '与存储一致'
            : `不一致——${(pin.problems ?? []).map((p) => p.message).join('；')}`}
        </p>
      ) : null}
      {offered.length === 0 ? <p>当前没有可执行的流转操作。</p> : null}
      <div className="workflow-panel__actions">
        {offered.map((o) => (
          <button
            key={o.action}
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy}
            onClick={() => (o.needsReason ? setChosen(o) : void apply(o))}
          >
            {o.label.zh}
          </button>
        ))}
      </div>
      {chosen ? (
        // Not a <form>: the panel sits inside the document's own form, and a nested one would submit that.
        <div className="workflow-panel__reason">
          <ReasonPicker
            api={api}
            slug={reasonsSlug}
            action={chosen.action}
            value={reason}
            onChange={setReason}
          />
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy || !reason.code || !reason.text.trim()}
            onClick={() => void apply(chosen)}
          >
            确认{chosen.label.zh}
          </button>
        </div>
      ) : null}
      {message ? (
        <p role="alert" className="workflow-panel__error">
          {message}
        </p>
      ) : null}
    </div>
  )
}
