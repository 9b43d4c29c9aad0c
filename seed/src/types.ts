import type { AwardTier, ResultFormula } from '@exemplar/domain'

/**
 * The authoring shape of a demo campaign. Each of the five source notices in
 * `shared/seeds/` becomes one `CampaignDef` (its real, past edition) and some
 * also get a current edition whose dates are placed around the day the seed
 * runs. `seed/src/load.ts` maps these onto the CMS collections.
 *
 * All instants are ISO strings with an explicit offset (`+08:00`, Asia/Shanghai),
 * so "submission closes 2022-06-30 00:00" is written exactly as the notice says.
 */

export type PhaseKind =
  | 'registration'
  | 'submission'
  | 'screening'
  | 'display'
  | 'voting'
  | 'review'
  | 'publicity'
  | 'results'
  | 'training'
  | 'summary'

/** 指导单位, 主办, 联合主办, 承办, 支持单位, 学术支持, 实施平台, 合作媒体 */
export type OrganizerRole =
  'guide' | 'host' | 'coHost' | 'organizer' | 'supporter' | 'academic' | 'platform' | 'media'

export type TrackKind =
  'text-image' | 'photo' | 'print' | 'document-case' | 'video' | 'audio' | 'poem'

export type FileKind =
  'image' | 'pdf' | 'doc' | 'docx' | 'ppt' | 'pptx' | 'mp4' | 'mp3' | 'm4a' | 'wav'

export interface TrackRequirementsDef {
  /** Body length limit, in characters as a Chinese reader counts them. */
  bodyMaxChars?: number
  /** Abstract length: the target ("about 200"), and the hard maximum. */
  abstractTargetChars?: number
  abstractMaxChars?: number
  /** Section headings the body must contain, in order. */
  requiredSections?: string[]
  maxImages?: number
  minFileBytes?: number
  maxFileBytes?: number
  captionMaxChars?: number
  /** What a caption must mention, e.g. 时间、地点、人物、事件. */
  captionMustMention?: string[]
  allowedFileKinds?: FileKind[]
  maxDurationSeconds?: number
  /** Audio/video/poem entries must come with their text. */
  requiresText?: boolean
  /** Both a document and a slide deck are required (seed 004). */
  requiresSlides?: boolean
  requiresCopyrightStatement?: boolean
  /** Anything else the notice asks that a machine cannot check, in Chinese. */
  notes?: string
}

export interface RubricCriterionDef {
  key: string
  label: string
  description?: string
  weight: number
  maxScore: number
}

export interface TrackDef {
  key: string
  name: string
  description: string
  kind: TrackKind
  requirements: TrackRequirementsDef
  /** Award tiers best first, each with its quota (the notice's, e.g. 优秀价值案例 50). */
  tiers: AwardTier[]
  rubric?: RubricCriterionDef[]
}

export interface ThemeDef {
  code: string
  title: string
  description?: string
  children?: ThemeDef[]
}

export interface PhaseDef {
  kind: PhaseKind
  label: string
  startsAt: string
  endsAt: string
}

export interface OrganizerDef {
  role: OrganizerRole
  name: string
}

/** Contact people are fictional: 010-5555 numbers and example.org mail. */
export interface ContactDef {
  name: string
  organization: string
  phone: string
  email?: string
}

export interface LegalTermDef {
  key: 'originality' | 'rights' | 'licence' | 'content' | 'fees' | 'other'
  title: string
  text: string
}

export interface PostDef {
  slug: string
  title: string
  publishedAt: string
  excerpt: string
  paragraphs: string[]
}

export interface VotingRuleDef {
  /** How many times one voter may vote for one entry per day (Asia/Shanghai day). */
  perEntryPerDay: number
  /** Votes one voter may cast per day across the campaign; 0 means no cap. */
  dailyCap: number
}

export interface CampaignDef {
  /** Stable key of this edition; the seed upserts by the slug derived from it. */
  slug: string
  /** Editions of one campaign share a series, e.g. `yizhe-xianxing`. */
  series: string
  title: string
  year: number
  /** One or two sentences for cards and meta descriptions. */
  summary: string
  /** The showcase text, in our own words, as paragraphs. */
  description: string[]
  /** Which source notice this edition recreates (`000`…`004`; cited by `SOURCE_NOTICES`). */
  sourceNotice: string
  /** Whether the edition asks institutions and doctors to sign its 倡议书 online. */
  pledge?: boolean
  organizers: OrganizerDef[]
  contacts: ContactDef[]
  legalTerms: LegalTermDef[]
  phases: PhaseDef[]
  tracks: TrackDef[]
  themes: ThemeDef[]
  voting?: VotingRuleDef
  /** How expert review runs (the review plugin's campaign group); absent: its defaults. */
  review?: ReviewSettingsDef
  /** The published results formula and what a revocation does (the results plugin's group); absent: its defaults. */
  results?: ResultsSettingsDef
  posts?: PostDef[]
}

export interface ResultsSettingsDef extends Partial<ResultFormula> {
  promoteNext?: boolean
  publicityDays?: number
  /** 优秀组织机构 by the stated rule (seed 000). */
  organizers?: { enabled: boolean; minEntries: number; minAwarded: number; limit: number }
}

export interface ReviewSettingsDef {
  blind: 'blind' | 'open'
  /** Whether the public display shows authors and institutions while review runs. */
  publicIdentity: boolean
  sameProvince: boolean
  /** Reviewers per entry. */
  k: number
  normalization: 'none' | 'zscore' | 'rank'
}
