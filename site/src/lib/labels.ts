/**
 * Label tables copied from the CMS (cms/src/lib/phases.ts, entryStates.ts,
 * collections/Campaigns/fields.ts). The site may import CMS types only, never
 * its runtime code, so the few tables the pages need live here.
 */
import type { Campaign, Entry } from '@exemplar/cms/payload-types'

import type { Locale } from './i18n'

type Label = { zh: string; en: string }

export type PhaseKind = NonNullable<Campaign['phases']>[number]['kind']
export type OrganizerRole = NonNullable<Campaign['organizers']>[number]['role']
export type Track = NonNullable<Campaign['tracks']>[number]
export type TrackKind = Track['kind']
export type EntryStatus = Entry['status']
export type LegalTermKey = NonNullable<Campaign['legalTerms']>[number]['key']

export const PHASE_LABELS: Record<PhaseKind, Label> = {
  registration: { zh: '报名', en: 'Registration' },
  submission: { zh: '作品征集', en: 'Submission' },
  screening: { zh: '审核', en: 'Screening' },
  display: { zh: '网络展示', en: 'Public display' },
  voting: { zh: '公众投票', en: 'Public voting' },
  review: { zh: '专家评审', en: 'Expert review' },
  publicity: { zh: '公示', en: 'Publicity' },
  results: { zh: '结果发布', en: 'Results' },
  training: { zh: '培训交流', en: 'Training' },
  summary: { zh: '总结', en: 'Summary' },
}

/** Display order of organizer roles on a showcase page, as in the campaigns' own notices. */
export const ORGANIZER_ROLES: Record<OrganizerRole, Label> = {
  guide: { zh: '指导单位', en: 'Guided by' },
  host: { zh: '主办单位', en: 'Host' },
  coHost: { zh: '联合主办', en: 'Co-host' },
  organizer: { zh: '承办单位', en: 'Organizer' },
  supporter: { zh: '支持单位', en: 'Supporter' },
  academic: { zh: '学术支持', en: 'Academic support' },
  platform: { zh: '实施平台', en: 'Platform' },
  media: { zh: '合作媒体', en: 'Media partners' },
}

export const TRACK_KINDS: Record<TrackKind, Label> = {
  'text-image': { zh: '图文案例', en: 'Text-and-image case' },
  photo: { zh: '摄影图片', en: 'Photo' },
  print: { zh: '平面科普材料（PDF）', en: 'Print material (PDF)' },
  'document-case': { zh: '文档案例（Word + PPT）', en: 'Document case (Word + slides)' },
  video: { zh: '视频', en: 'Video' },
  audio: { zh: '音频', en: 'Audio' },
  poem: { zh: '诗歌', en: 'Poem' },
}

export const ENTRY_STATUS_LABELS: Record<EntryStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  screening: { zh: '审核中', en: 'Screening' },
  returned: { zh: '退回修改', en: 'Returned for changes' },
  rejected: { zh: '未通过', en: 'Rejected' },
  accepted: { zh: '审核通过·展示中', en: 'Accepted, on display' },
  voting: { zh: '投票中', en: 'In public voting' },
  review: { zh: '专家评审中', en: 'In expert review' },
  shortlisted: { zh: '入围', en: 'Shortlisted' },
  publicity: { zh: '公示中', en: 'In publicity' },
  awarded: { zh: '获奖', en: 'Awarded' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
}

/** States in which an entry is on public display (cms/src/lib/entryStates.ts). */
export const PUBLIC_ENTRY_STATES: readonly EntryStatus[] = [
  'accepted',
  'voting',
  'review',
  'shortlisted',
  'publicity',
  'awarded',
]

/**
 * States in which an entry takes votes: the voting plugin's default
 * `votableStates` (plugins/voting/src/options.ts). The server decides; this
 * only chooses whether to offer the button.
 */
export const VOTABLE_ENTRY_STATES: readonly EntryStatus[] = ['accepted', 'voting']

/** Names of file kinds as participants know them. */
export const FILE_KIND_NAMES: Record<string, string> = {
  image: '图片',
  pdf: 'PDF',
  doc: 'Word（doc）',
  docx: 'Word（docx）',
  ppt: 'PPT（ppt）',
  pptx: 'PPT（pptx）',
  mp4: 'MP4 视频',
  mp3: 'MP3 音频',
  m4a: 'M4A 音频',
  wav: 'WAV 音频',
}

export function label(table: Record<string, Label>, key: string, locale: Locale): string {
  const entry = table[key]
  return entry ? entry[locale] : key
}
