/** A label in the admin's two languages, Chinese first. */
export const l = (zh: string, en: string): { zh: string; en: string } => ({ zh, en })

/** Select options from a label table, keeping the table's order. */
export function optionsFrom<K extends string>(labels: Record<K, { zh: string; en: string }>) {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))
}
