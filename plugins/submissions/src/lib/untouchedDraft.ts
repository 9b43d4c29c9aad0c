/** The title a draft is stored with until its submitter writes one. */
export const UNTITLED_DRAFT = '未命名草稿'

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

const none = (value: unknown) => !Array.isArray(value) || value.length === 0

/**
 * Whether a draft holds nothing its submitter wrote: no title of their own,
 * no abstract, section, attachment or author, no place, channel or its
 * field other than the collection's default (`defaults`, by field name), no
 * declaration ticked. The campaign, track and theme were chosen when it was
 * opened and do not count. Such a draft is resumed rather than another
 * opened (`createDraft`).
 */
export function isUntouchedDraft(
  entry: Record<string, unknown>,
  defaults: Readonly<Record<string, unknown>> = {},
): boolean {
  const unset = (key: string) =>
    blank(entry[key]) || (defaults[key] !== undefined && entry[key] === defaults[key])
  const declarations = (entry.declarations ?? {}) as Record<string, unknown>
  return (
    entry.status === 'draft' &&
    (unset('title') || entry.title === UNTITLED_DRAFT) &&
    ['abstract', 'province', 'city', 'channel', 'recommendingUnit', 'informationSource'].every(
      unset,
    ) &&
    none(entry.sections) &&
    none(entry.attachments) &&
    none(entry.authors) &&
    !Object.values(declarations).some((ticked) => ticked === true)
  )
}
