import type { Label } from '@exemplar/domain'

interface RowNoun {
  singular: Label
  plural: Label
}

const noun = (zh: string, en: string, enPlural: string): RowNoun => ({
  singular: { zh, en },
  plural: { zh, en: enPlural },
})

/**
 * What one row of each array field is called: the field's `labels` (Payload's
 * 添加作者 button) and the row label's fallback (作者 1) when the row has no
 * name yet. Shared by the collections and the client row labels.
 */
export const ARRAY_ROWS = {
  organizers: noun('组织单位', 'Organizer', 'Organizers'),
  contacts: noun('联系人', 'Contact', 'Contacts'),
  legalTerms: noun('须知', 'Term', 'Terms'),
  phases: noun('阶段', 'Phase', 'Phases'),
  tracks: noun('作品类别', 'Track', 'Tracks'),
  rubric: noun('评审标准', 'Criterion', 'Criteria'),
  campuses: noun('院区', 'Campus', 'Campuses'),
  mediaAccounts: noun('新媒体账号', 'Account', 'Accounts'),
  sections: noun('章节', 'Section', 'Sections'),
  attachments: noun('附件', 'Attachment', 'Attachments'),
  authors: noun('作者', 'Author', 'Authors'),
  history: noun('流转记录', 'Change', 'Changes'),
} as const satisfies Record<string, RowNoun>

export type ArrayRowKind = keyof typeof ARRAY_ROWS

/** An array field's row label component, by the path string Payload's import map resolves. */
export const rowLabel = (component: string): string => `/components/RowLabels#${component}`
