'use client'
import { FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

/**
 * A JSON field shown as text. Payload's own JSON field loads its code editor
 * from a CDN, which the admin's Content-Security-Policy refuses (and which is
 * unreliable from mainland China); our JSON fields are facts the server
 * records, read by editors, never typed by them.
 */
export const JsonText: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  return (
    <div className="field-type json-text">
      <FieldLabel label={field.label} path={path ?? field.name} />
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '0.85em' }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  )
}
