import type { Label } from './label'

/** The roles an organization plays in a campaign, in the order the notices list them. */
export const ORGANIZER_ROLE_LABELS = {
  guide: { zh: '指导单位', en: 'Guided by' },
  host: { zh: '主办单位', en: 'Host' },
  coHost: { zh: '联合主办', en: 'Co-host' },
  organizer: { zh: '承办单位', en: 'Organizer' },
  supporter: { zh: '支持单位', en: 'Supporter' },
  academic: { zh: '学术支持', en: 'Academic support' },
  platform: { zh: '实施平台', en: 'Platform' },
  media: { zh: '合作媒体', en: 'Media partners' },
} as const satisfies Record<string, Label>

export type OrganizerRole = keyof typeof ORGANIZER_ROLE_LABELS

/** The forms a track takes; each has its own submission rules. */
export const TRACK_KIND_LABELS = {
  'text-image': { zh: '图文案例', en: 'Text-and-image case' },
  photo: { zh: '摄影图片', en: 'Photo' },
  print: { zh: '平面科普材料（PDF）', en: 'Print material (PDF)' },
  'document-case': { zh: '文档案例（Word + PPT）', en: 'Document case (Word + slides)' },
  video: { zh: '视频', en: 'Video' },
  audio: { zh: '音频', en: 'Audio' },
  poem: { zh: '诗歌', en: 'Poem' },
} as const satisfies Record<string, Label>

export type TrackKind = keyof typeof TRACK_KIND_LABELS

/** File kinds a track may allow, with the names participants know them by. */
export const FILE_KIND_LABELS = {
  image: { zh: '图片', en: 'Image' },
  pdf: { zh: 'PDF', en: 'PDF' },
  doc: { zh: 'Word（doc）', en: 'Word (doc)' },
  docx: { zh: 'Word（docx）', en: 'Word (docx)' },
  ppt: { zh: 'PPT（ppt）', en: 'PowerPoint (ppt)' },
  pptx: { zh: 'PPT（pptx）', en: 'PowerPoint (pptx)' },
  mp4: { zh: 'MP4 视频', en: 'MP4 video' },
  mp3: { zh: 'MP3 音频', en: 'MP3 audio' },
  m4a: { zh: 'M4A 音频', en: 'M4A audio' },
  wav: { zh: 'WAV 音频', en: 'WAV audio' },
} as const satisfies Record<string, Label>

export type FileKind = keyof typeof FILE_KIND_LABELS

export const FILE_KINDS = Object.keys(FILE_KIND_LABELS) as FileKind[]
