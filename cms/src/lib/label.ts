export { optionsFrom } from '@exemplar/domain'

/** A label in the admin's two languages, Chinese first. */
export const l = (zh: string, en: string): { zh: string; en: string } => ({ zh, en })
