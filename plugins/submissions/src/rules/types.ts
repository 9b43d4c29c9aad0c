/**
 * Structural types of the rules. The plugin never imports from the CMS, so these
 * mirror what the campaign's track `requirements` group and an entry hold; the
 * generated Payload types are assignable to them.
 */

/** One broken rule: where (a dotted path into the entry), what, and the limit it broke. */
export interface RuleProblem {
  /** Dotted path, e.g. `sections.0.body`, `attachments.2.file`, `declarations.original`. */
  field: string
  /** Machine code, e.g. `body.tooLong`. */
  code: string
  /** Chinese, names the field and the limit. */
  message: string
  limit?: number | string
}

/** What a file is, after sniffing its bytes. */
export type FileKind = 'image' | 'video' | 'audio' | 'pdf' | 'doc' | 'docx' | 'ppt' | 'pptx'

/**
 * What a track may allow. Campaigns name kinds (`image`, `pdf`, …) and, for
 * audio and video, container formats (`mp4`, `mp3`, `m4a`, `wav`) because the
 * notices do ("视频格式采用 mp4 格式"). `video` / `audio` allow any format of that kind.
 */
export type AllowedFileKind = FileKind | 'mp4' | 'mp3' | 'm4a' | 'wav'

export interface TrackRequirements {
  /** Sum of all section bodies, counted with `countChars`. */
  bodyMaxChars?: number | null
  /** "摘要 200 字左右": advice only, never refused. */
  abstractTargetChars?: number | null
  abstractMaxChars?: number | null
  /** Section headings the body must contain (the CMS field is `text`, `hasMany`). */
  requiredSections?: string[] | null
  maxImages?: number | null
  minFileBytes?: number | null
  maxFileBytes?: number | null
  captionMaxChars?: number | null
  maxDurationSeconds?: number | null
  /** Elements a caption should mention, e.g. 时间、地点、人物、事件 (advice, see `contentAdvice`). */
  captionMustMention?: string[] | null
  allowedFileKinds?: AllowedFileKind[] | null
  /** Audio/video/poem entries must come with their text. */
  requiresText?: boolean | null
  /** A Word document and a slide deck are both required (seed 004). */
  requiresSlides?: boolean | null
  requiresCopyrightStatement?: boolean | null
}

/** What the rules need to know about an uploaded file (the inspection's result fits). */
export interface FileFacts {
  kind: FileKind
  bytes: number
  /** Container format for audio/video (`mp4`, `mp3`, `m4a`, `wav`), or the extension. */
  format?: string
  durationSeconds?: number
  docx?: DocxFacts
}

/** What the inspection read from a .docx. */
export interface DocxFacts {
  bodyChars: number
  abstractChars: number
  /** Headings of the document, for tracks whose sections live in the Word file. */
  headings?: string[]
  /** The document carries a copyright statement (版权声明/版权所有/©). */
  copyrightStatement?: boolean
}

export interface EntrySection {
  heading: string
  body: string
}

export interface EntryAttachment {
  caption?: string | null
  file: FileFacts
}

export type EntryChannel = 'self' | 'provincial' | 'media' | 'individual'

export interface EntryDeclarations {
  original?: boolean | null
  truthful?: boolean | null
  freeUse?: boolean | null
}

export interface EntryContent {
  title?: string | null
  abstract?: string | null
  sections?: EntrySection[] | null
  attachments?: EntryAttachment[] | null
  channel?: EntryChannel | string | null
  recommendingUnit?: string | null
  informationSource?: string | null
  declarations?: EntryDeclarations | null
  /**
   * The copyright statement the track asks for (seed 004 "并加入版权声明"): its text,
   * or `true` when the submitter confirms it is inside the attached document. A
   * section headed 版权声明 counts as well.
   */
  copyrightStatement?: string | boolean | null
}

export interface CheckOptions {
  /**
   * `true` at submit: everything required must be present. `false` (default)
   * while a draft is saved: only what is there is checked, so half-done work
   * can be stored.
   */
  complete?: boolean
}
