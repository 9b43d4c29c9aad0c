import { countChars, hasText } from './count'
import { checkFile } from './files'
import { HEADING_MAX_LENGTH, headingLabel, headingMatches, missingSections } from './headings'
import type {
  CheckOptions,
  EntryAttachment,
  EntryContent,
  FileKind,
  RuleProblem,
  TrackRequirements,
} from './types'

/** The entries collection's `title.maxLength` (Payload counts UTF-16 units, so do we). */
export const TITLE_MAX_LENGTH = 100

/** Channels and the field each one makes necessary (seed 001's 作品登记表). */
export const CHANNEL_REQUIRES: Record<string, 'recommendingUnit' | 'informationSource' | null> = {
  self: null,
  provincial: 'recommendingUnit',
  media: 'recommendingUnit',
  individual: 'informationSource',
}

export const DECLARATION_LABELS = {
  original: '作品为原创，不侵犯第三方权利',
  truthful: '内容真实、科学',
  freeUse: '自愿无偿提供主办方用于活动宣传展示',
} as const

const COPYRIGHT_HEADING = '版权声明'

const DOCUMENT_KINDS: readonly FileKind[] = ['doc', 'docx']
const SLIDE_KINDS: readonly FileKind[] = ['ppt', 'pptx']

export interface ContentCheckOptions extends CheckOptions {
  /**
   * The track's kind (`photo`, `video`, `poem`, …). Tracks whose allow-list names
   * file kinds need a file at submit, except `text-image` (images optional: "可配
   * 5 张以下图片") and `poem` ("可提交文字，或视频、音频朗诵").
   */
  trackKind?: string | null
}

const FILES_OPTIONAL_KINDS = new Set(['text-image', 'poem'])

function attachmentsOf(content: EntryContent): EntryAttachment[] {
  return (content.attachments ?? []).filter((a): a is EntryAttachment => Boolean(a?.file))
}

function sectionsOf(content: EntryContent) {
  return (content.sections ?? []).filter(Boolean)
}

/** A heading within the length limit, else `undefined`: longer ones are refused, never matched. */
function headingOf(heading: string | null | undefined): string | undefined {
  const text = heading?.trim() ?? ''
  return text.length <= HEADING_MAX_LENGTH ? text : undefined
}

function bodyProblems(req: TrackRequirements, content: EntryContent): RuleProblem[] {
  const max = req.bodyMaxChars
  if (!max) {
    return []
  }
  const sections = sectionsOf(content)
  const counts = sections.map((s) => countChars(s.body))
  const total = counts.reduce((a, b) => a + b, 0)
  if (total <= max) {
    return []
  }
  // Point at the section that crosses the limit: that is where the form shows it.
  let running = 0
  let crossing = sections.length - 1
  for (const [i, n] of counts.entries()) {
    running += n
    if (running > max) {
      crossing = i
      break
    }
  }
  return [
    {
      field: `sections.${crossing}.body`,
      code: 'body.tooLong',
      message: `正文不超过 ${max} 字（当前 ${total} 字）`,
      limit: max,
    },
  ]
}

function sectionProblems(
  req: TrackRequirements,
  content: EntryContent,
  complete: boolean,
): RuleProblem[] {
  const problems: RuleProblem[] = []
  const sections = sectionsOf(content)
  for (const [i, s] of sections.entries()) {
    const length = s.heading?.trim().length ?? 0
    if (length > HEADING_MAX_LENGTH) {
      problems.push({
        field: `sections.${i}.heading`,
        code: 'section.headingTooLong',
        message: `章节标题不超过 ${HEADING_MAX_LENGTH} 字（第 ${i + 1} 节 ${length} 字）`,
        limit: HEADING_MAX_LENGTH,
      })
    }
  }
  if (complete) {
    for (const [i, s] of sections.entries()) {
      if (!hasText(s.heading)) {
        problems.push({
          field: `sections.${i}.heading`,
          code: 'section.headingRequired',
          message: `请填写第 ${i + 1} 节的章节标题`,
        })
      }
      if (!hasText(s.body)) {
        problems.push({
          field: `sections.${i}.body`,
          code: 'section.bodyRequired',
          message: `请填写“${headingOf(s.heading) || `第 ${i + 1} 节`}”的内容`,
        })
      }
    }
  }

  const required = (req.requiredSections ?? []).filter((r) => hasText(r))
  if (!complete || required.length === 0) {
    return problems
  }
  const written = sections
    .filter((s) => hasText(s.body))
    .map((s) => headingOf(s.heading))
    .filter((h) => h !== undefined)
  const attachments = attachmentsOf(content)
  // A 版权声明 section alone (how a .doc's copyright statement is given) does not make the
  // form the place of the body: the sections are then still the document's.
  if (written.every((h) => headingMatches(h, COPYRIGHT_HEADING))) {
    // Document-case tracks (seed 004) carry the sections inside the Word file:
    // check the .docx headings the inspection read, and trust a .doc we cannot read.
    const documents = attachments
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => DOCUMENT_KINDS.includes(a.file.kind))
    if (documents.length > 0) {
      for (const { a, i } of documents) {
        const headings = a.file.docx?.headings
        if (!headings) {
          continue
        }
        const short = headings.filter((h) => h.length <= HEADING_MAX_LENGTH)
        for (const missing of missingSections(short, required)) {
          problems.push({
            field: `attachments.${i}.file`,
            code: 'sections.missing',
            message: `文档缺少必备章节：${headingLabel(missing)}`,
            limit: missing,
          })
        }
      }
      return problems
    }
  }
  for (const missing of missingSections(written, required)) {
    problems.push({
      field: 'sections',
      code: 'sections.missing',
      message: `缺少必备章节：${headingLabel(missing)}`,
      limit: missing,
    })
  }
  return problems
}

function attachmentProblems(
  req: TrackRequirements,
  content: EntryContent,
  opts: ContentCheckOptions,
): RuleProblem[] {
  const problems: RuleProblem[] = []
  const complete = opts.complete ?? false
  const attachments = content.attachments ?? []

  const images = attachments.filter((a) => a?.file?.kind === 'image').length
  if (req.maxImages && images > req.maxImages) {
    problems.push({
      field: 'attachments',
      code: 'images.tooMany',
      message: `图片不超过 ${req.maxImages} 张（当前 ${images} 张）`,
      limit: req.maxImages,
    })
  }

  const mentions = (req.captionMustMention ?? []).filter((m) => hasText(m))
  for (const [i, a] of attachments.entries()) {
    if (!a?.file) {
      if (complete) {
        problems.push({
          field: `attachments.${i}.file`,
          code: 'file.required',
          message: `第 ${i + 1} 个附件缺少文件，请上传或删除该项`,
        })
      }
      continue
    }
    problems.push(...checkFile(req, a.file, i))
    const isImage = a.file.kind === 'image'
    const captionChars = countChars(a.caption)
    if (req.captionMaxChars && captionChars > req.captionMaxChars) {
      problems.push({
        field: `attachments.${i}.caption`,
        code: 'caption.tooLong',
        message: isImage
          ? `图片说明不超过 ${req.captionMaxChars} 字（第 ${i + 1} 张 ${captionChars} 字）`
          : `附件说明不超过 ${req.captionMaxChars} 字（第 ${i + 1} 个 ${captionChars} 字）`,
        limit: req.captionMaxChars,
      })
    }
    if (complete && isImage && mentions.length > 0 && captionChars === 0) {
      problems.push({
        field: `attachments.${i}.caption`,
        code: 'caption.required',
        message: `请为第 ${i + 1} 张照片填写说明（简要交代${mentions.join('、')}）`,
      })
    }
  }

  if (!complete) {
    return problems
  }
  const files = attachmentsOf(content)
  const allowed = req.allowedFileKinds ?? []
  const filesOptional =
    FILES_OPTIONAL_KINDS.has(opts.trackKind ?? '') ||
    Boolean(req.bodyMaxChars) ||
    (req.requiredSections ?? []).length > 0
  if (allowed.length > 0 && files.length === 0 && !filesOptional) {
    problems.push({
      field: 'attachments',
      code: 'attachments.required',
      message: '请上传作品文件',
    })
  }
  if (req.requiresSlides) {
    const hasDocument = files.some((a) => DOCUMENT_KINDS.includes(a.file.kind))
    const hasSlides = files.some((a) => SLIDE_KINDS.includes(a.file.kind))
    const lacking = [!hasDocument && 'Word 文档（.doc/.docx）', !hasSlides && 'PPT（.ppt/.pptx）']
      .filter(Boolean)
      .join('和')
    if (lacking) {
      problems.push({
        field: 'attachments',
        code: 'slides.required',
        message: `须同时提交 Word 文档和 PPT：缺少${lacking}`,
      })
    }
  }
  return problems
}

function declarationProblems(content: EntryContent): RuleProblem[] {
  const d = content.declarations ?? {}
  return (Object.keys(DECLARATION_LABELS) as (keyof typeof DECLARATION_LABELS)[])
    .filter((key) => d[key] !== true)
    .map((key) => ({
      field: `declarations.${key}`,
      code: 'declaration.required',
      message: `请确认声明：${DECLARATION_LABELS[key]}`,
    }))
}

function channelProblems(content: EntryContent, complete: boolean): RuleProblem[] {
  const channel = content.channel ?? 'self'
  if (!(channel in CHANNEL_REQUIRES)) {
    return [
      {
        field: 'channel',
        code: 'channel.invalid',
        message: '报送形式无效：请选择机构自荐、各省推荐、媒体单位推荐或个人作者直报',
        limit: Object.keys(CHANNEL_REQUIRES).join(','),
      },
    ]
  }
  if (!complete) {
    return []
  }
  const needs = CHANNEL_REQUIRES[channel]
  if (needs === 'recommendingUnit' && !hasText(content.recommendingUnit)) {
    return [
      {
        field: 'recommendingUnit',
        code: 'recommendingUnit.required',
        message:
          channel === 'media' ? '媒体单位推荐须填写推荐单位名称' : '各省推荐须填写推荐单位名称',
      },
    ]
  }
  if (needs === 'informationSource' && !hasText(content.informationSource)) {
    return [
      {
        field: 'informationSource',
        code: 'informationSource.required',
        message: '个人作者直报须写明参加活动的信息来源',
      },
    ]
  }
  return []
}

function hasCopyrightStatement(content: EntryContent): boolean {
  const statement = content.copyrightStatement
  if (statement === true || (typeof statement === 'string' && hasText(statement))) {
    return true
  }
  if (attachmentsOf(content).some((a) => a.file.docx?.copyrightStatement === true)) {
    return true
  }
  return sectionsOf(content).some(
    (s) => headingMatches(headingOf(s.heading) ?? '', COPYRIGHT_HEADING) && hasText(s.body),
  )
}

/**
 * Every rule of a track the entry's content can break. While a draft is saved
 * (`complete` false) only what is present is checked (too long, too many, wrong
 * kind); at submit (`complete` true) required things must be there too. Advice
 * that must not block (caption elements, abstract near its target) comes from
 * `contentAdvice`.
 */
export function checkContent(
  req: TrackRequirements,
  content: EntryContent,
  opts: ContentCheckOptions = {},
): RuleProblem[] {
  const complete = opts.complete ?? false
  const problems: RuleProblem[] = []

  const title = content.title?.trim() ?? ''
  if (title.length > TITLE_MAX_LENGTH) {
    problems.push({
      field: 'title',
      code: 'title.tooLong',
      message: `标题不超过 ${TITLE_MAX_LENGTH} 字（当前 ${title.length} 字）`,
      limit: TITLE_MAX_LENGTH,
    })
  } else if (complete && !hasText(title)) {
    problems.push({ field: 'title', code: 'title.required', message: '请填写标题' })
  }

  const abstractChars = countChars(content.abstract)
  if (req.abstractMaxChars && abstractChars > req.abstractMaxChars) {
    problems.push({
      field: 'abstract',
      code: 'abstract.tooLong',
      message: `摘要不超过 ${req.abstractMaxChars} 字（当前 ${abstractChars} 字）`,
      limit: req.abstractMaxChars,
    })
  }
  const wantsAbstract = Boolean(req.abstractTargetChars || req.abstractMaxChars)
  const documentAbstract = attachmentsOf(content).some((a) => (a.file.docx?.abstractChars ?? 0) > 0)
  if (complete && wantsAbstract && abstractChars === 0 && !documentAbstract) {
    const about = req.abstractTargetChars
      ? `（${req.abstractTargetChars} 字左右）`
      : `（不超过 ${req.abstractMaxChars} 字）`
    problems.push({
      field: 'abstract',
      code: 'abstract.required',
      message: `请填写摘要${about}`,
      limit: req.abstractTargetChars ?? req.abstractMaxChars ?? undefined,
    })
  }

  problems.push(...bodyProblems(req, content))
  problems.push(...sectionProblems(req, content, complete))

  if (complete && req.requiresText && !sectionsOf(content).some((s) => hasText(s.body))) {
    problems.push({
      field: 'sections',
      code: 'text.required',
      message: '请填写作品文本（本类别的音视频作品须附文字）',
    })
  }

  problems.push(...attachmentProblems(req, content, opts))

  if (complete && req.requiresCopyrightStatement && !hasCopyrightStatement(content)) {
    problems.push({
      field: 'copyrightStatement',
      code: 'copyright.required',
      message: '请加入版权声明（可填写“版权声明”一节，或确认声明已写入文档）',
    })
  }

  problems.push(...channelProblems(content, complete))
  if (complete) {
    problems.push(...declarationProblems(content))
  }
  return problems
}
