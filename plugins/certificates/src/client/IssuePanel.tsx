'use client'
import { adminJson as call } from '@exemplar/http/admin'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

type Id = number | string

interface Candidates {
  snapshot: { id: Id; sequence: number; sha256: string } | null
  issued: { award: number; organizer: number; media: number }
  awarded: number
  organizers: { institution: string; entries: number; awarded: number; held: boolean }[]
  partners: { name: string; held: boolean }[] | null
}

interface Issued {
  issued: unknown[]
  existing: number
}

/** Ticks for names: the ones not yet holding a certificate, checked when `checked` says so. */
function Ticks(props: {
  items: { name: string; held: boolean; note?: string }[]
  chosen: Set<string>
  toggle: (name: string) => void
  testId: string
}) {
  return (
    <ul style={{ listStyle: 'none', paddingLeft: 0 }} data-testid={props.testId}>
      {props.items.map((item) => (
        <li key={item.name}>
          <label>
            <input
              type="checkbox"
              disabled={item.held}
              checked={item.held || props.chosen.has(item.name)}
              onChange={() => props.toggle(item.name)}
            />{' '}
            {item.name}
            {item.note ? `（${item.note}）` : ''}
            {item.held ? '（已颁发）' : ''}
          </label>
        </li>
      ))}
    </ul>
  )
}

/**
 * 颁发证书: from the campaign's newest frozen result, the award
 * certificates in one go; the excellent organizing institutions its rule
 * named and the verified partner outlets, each confirmed by a tick.
 */
export function IssuePanel(props: { slug: string }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}/${props.slug}`
  const [candidates, setCandidates] = useState<Candidates | null>(null)
  const [organizers, setOrganizers] = useState<Set<string>>(new Set())
  const [partners, setPartners] = useState<Set<string>>(new Set())
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const c = await call<Candidates>(`${api}/candidates?campaign=${String(id)}`)
    setCandidates(c)
    // The rule's names are the committee's to confirm: ticked, to be unticked if one is in doubt.
    setOrganizers(new Set(c.organizers.filter((o) => !o.held).map((o) => o.institution)))
    setPartners(new Set())
  }, [api, id])

  useEffect(() => {
    if (id !== undefined && id !== null) {
      load().catch((e: Error) => setMessage(e.message))
    }
  }, [id, load])

  if (id === undefined || id === null) {
    return null
  }
  const issue = async (body: Record<string, unknown>) => {
    setBusy(true)
    setMessage('')
    try {
      const done = await call<Issued>(`${api}/issue`, { campaign: id, ...body })
      setMessage(`新颁发 ${done.issued.length} 张，已有 ${done.existing} 张`)
      await load()
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const toggle = (set: Set<string>, update: (s: Set<string>) => void) => (name: string) => {
    const next = new Set(set)
    if (next.has(name)) {
      next.delete(name)
    } else {
      next.add(name)
    }
    update(next)
  }
  const c = candidates
  return (
    <div className="field-type" data-testid="certificates-panel">
      {c && !c.snapshot ? <p>尚未冻结评选结果：冻结后方可颁发证书。</p> : null}
      {c?.snapshot ? (
        <>
          <p>
            依据第 {c.snapshot.sequence} 版结果（SHA-256{' '}
            <code>{c.snapshot.sha256.slice(0, 16)}…</code>
            ）：入选作品 {c.awarded} 件，已颁发获奖证书 {c.issued.award} 张。
          </p>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy}
            onClick={() => void issue({})}
            data-testid="certificates-issue-awards"
          >
            颁发获奖证书（已授奖的作品）
          </button>
          {c.organizers.length > 0 ? (
            <>
              <h4>优秀组织机构</h4>
              <Ticks
                testId="certificates-organizers"
                items={c.organizers.map((o) => ({
                  name: o.institution,
                  held: o.held,
                  note: `报送 ${o.entries} 件，入选 ${o.awarded} 件`,
                }))}
                chosen={organizers}
                toggle={toggle(organizers, setOrganizers)}
              />
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                disabled={busy || organizers.size === 0}
                onClick={() => void issue({ kind: 'organizer', institutions: [...organizers] })}
                data-testid="certificates-issue-organizers"
              >
                确认并颁发优秀组织机构证书（{organizers.size}）
              </button>
            </>
          ) : null}
          {c.partners && c.partners.length > 0 ? (
            <>
              <h4>合作媒体</h4>
              <Ticks
                testId="certificates-partners"
                items={c.partners}
                chosen={partners}
                toggle={toggle(partners, setPartners)}
              />
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                disabled={busy || partners.size === 0}
                onClick={() => void issue({ kind: 'media', partners: [...partners] })}
                data-testid="certificates-issue-partners"
              >
                颁发合作媒体证书（{partners.size}）
              </button>
            </>
          ) : null}
        </>
      ) : null}
      {message ? (
        <p role="status" data-testid="certificates-panel-message">
          {message}
        </p>
      ) : null}
    </div>
  )
}
