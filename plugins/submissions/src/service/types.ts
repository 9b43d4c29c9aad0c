import type { Payload } from 'payload'

import type { AllowedFileKind, FileFacts, TrackRequirements } from '../rules'
import type { ResolvedSubmissionsOptions } from '../types'

export type Doc = Record<string, unknown> & { id: number | string }

export interface Track {
  key: string
  name?: string
  kind?: string
  requirements?: TrackRequirements & { allowedFileKinds?: AllowedFileKind[] | null }
}

export interface Campaign extends Doc {
  title?: string
  slug?: string
  tracks?: Track[] | null
  phases?: { kind?: string; startsAt?: string; endsAt?: string }[] | null
}

/** Facts the plugin records on a media document (`submissionFacts`). */
export interface StoredFacts extends FileFacts {
  mimeType: string
  width?: number
  height?: number
  pdfPages?: number
}

/** What every part of the service works on: the one Payload instance and the resolved options. */
export interface SubmissionsContext {
  readonly payload: Payload
  readonly options: ResolvedSubmissionsOptions
}

/** A handler's answer before it becomes a response: the status and the JSON body. */
export interface SubmissionsOutput {
  status: number
  body: unknown
}
