/**
 * The domain's label tables as the pages use them, typed against the CMS's
 * generated types (the site imports CMS types only). The facts themselves
 * live once, in @exemplar/domain.
 */
import { labelOf, type Label } from '@exemplar/domain'
import type { Campaign, Entry } from '@exemplar/cms/payload-types'

import type { Locale } from '../i18n'

export {
  ENTRY_STATE_LABELS,
  FILE_KIND_LABELS,
  ORGANIZER_ROLE_LABELS,
  PHASE_LABELS,
  PUBLIC_ENTRY_STATES,
  TRACK_KIND_LABELS,
  VOTABLE_ENTRY_STATES,
} from '@exemplar/domain'

export type PhaseKind = NonNullable<Campaign['phases']>[number]['kind']
export type OrganizerRole = NonNullable<Campaign['organizers']>[number]['role']
export type Track = NonNullable<Campaign['tracks']>[number]
export type TrackKind = Track['kind']
export type EntryStatus = Entry['status']
export type LegalTermKey = NonNullable<Campaign['legalTerms']>[number]['key']

export function label(
  table: Partial<Record<string, Label>>,
  key: string | null | undefined,
  locale: Locale,
): string {
  return labelOf(table, key, locale)
}
