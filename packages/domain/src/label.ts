/**
 * A label in the platform's two languages, Chinese first. A type, not an
 * interface, so it fits Payload's `Record<string, string>` labels.
 */
export type Label = { zh: string; en: string }

export type Locale = keyof Label

/** A table's label for `key` in `locale`, or the key itself when the table has none. */
export function labelOf(
  table: Partial<Record<string, Label>>,
  key: string | null | undefined,
  locale: Locale = 'zh',
): string {
  if (key === null || key === undefined) {
    return ''
  }
  return table[key]?.[locale] ?? key
}

/** Select options from a label table, keeping the table's order (Payload's `{ value, label }` shape). */
export function optionsFrom<K extends string>(
  labels: Record<K, Label>,
): { value: K; label: Label }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))
}
