/** The submission form's shapes: what the page hands it, a saved entry, an upload under way. */
import type { Locale } from '../../i18n'
import type { Track } from '../../lib/labels'
import type { stateFromEntry } from '../../lib/submission'

/** What the page hands the island (as JSON): no personal data, only the campaign. */
export interface SubmitConfig {
  locale: Locale
  campaign: { id: number; slug: string; title: string }
  tracks: Track[]
  formPath: string
  loginPath: string
  minePath: string
}

export type Entry = Parameters<typeof stateFromEntry>[0]

export interface PendingUpload {
  uid: number
  file: File
  loaded: number
  total: number
  phase: 'uploading' | 'inspecting' | 'failed'
  messages: string[]
  abort?: () => void
}
