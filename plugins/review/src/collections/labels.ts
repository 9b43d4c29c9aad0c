import type { Label } from '@exemplar/domain'

/** Payload's `{zh, en}` label shape from a domain label (its own type is wider than ours). */
export const l = (label: Label) => ({ zh: label.zh, en: label.en })

/** A select's options from a domain label table. */
export function optionsOf(table: Record<string, Label>) {
  return Object.entries(table).map(([value, label]) => ({ value, label: l(label) }))
}
