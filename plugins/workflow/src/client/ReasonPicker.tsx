'use client'
import { FIELD_LIMITS } from '@exemplar/domain'
import { useEffect, useState } from 'react'

import { reasonsFor, type Reason } from './api'

export interface ReasonValue {
  code: string
  text: string
}

/** The reason list for one action and the editor's explanation, which the submitter will read. */
export function ReasonPicker(props: {
  api: string
  slug: string
  action: string
  value: ReasonValue
  onChange: (value: ReasonValue) => void
}) {
  const { api, slug, action, value, onChange } = props
  const [reasons, setReasons] = useState<Reason[]>([])
  useEffect(() => {
    let live = true
    reasonsFor(api, slug, action)
      .then((list) => live && setReasons(list))
      .catch(() => live && setReasons([]))
    return () => {
      live = false
    }
  }, [api, slug, action])
  return (
    <div className="workflow-reason">
      <label>
        原因
        <select
          required
          value={value.code}
          onChange={(e) => onChange({ ...value, code: e.target.value })}
        >
          <option value="">请选择</option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        说明（提交人可见，不超过 {FIELD_LIMITS.reasonText} 字）
        <textarea
          required
          maxLength={FIELD_LIMITS.reasonText}
          rows={3}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
      </label>
    </div>
  )
}
