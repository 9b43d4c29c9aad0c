/**
 * Matching section headings the way an editor reads them. A notice asks for
 * "（3）成效（数据对比）"; submitters write "三、成效", "3. 成效（数据对比）" or
 * "主要成效". What matters is the core word, so numbering, whitespace, bracketed
 * explanations, trailing colons and full-width/half-width differences are ignored,
 * and a heading matches when its core contains the required core.
 *
 * Headings come from the client, so every step here is linear in the heading's
 * length (a hostile "((((…" once took seconds), and the content rules refuse a
 * heading longer than `HEADING_MAX_LENGTH` anyway.
 */

/** Longest section heading taken (UTF-16 units, as the title's limit counts): a heading, not a paragraph. */
export const HEADING_MAX_LENGTH = 50

const CN_NUMERALS = '一二三四五六七八九十百零〇两'
/**
 * One numbering prefix at the sticky position. Each alternative consumes at
 * least one character, and a failed attempt ends the peeling, so peeling a
 * heading costs one pass over it.
 */
const NUMBERING = new RegExp(
  [
    `第[${CN_NUMERALS}\\d]+[部分章节条点项]?[、.:：\\s]*`,
    `[(（][${CN_NUMERALS}\\d]+[)）][、.:：\\s]*`,
    `[${CN_NUMERALS}]+[、.:：\\s]+`,
    `\\d+(?:\\.\\d+)+[、.:：)）\\s]*`,
    `\\d+[、.:：)）\\s]+`,
    `[a-zA-Z][、.:：)）]\\s*`,
    `[\\u2460-\\u24FF\\u2776-\\u2793]\\s*`,
  ].join('|'),
  'y',
)
const SPACES = /\s*/y

/** `text` without its numbering, nested or not ("一、（1）"), spaces between them skipped too. */
function withoutNumbering(text: string): string {
  let at = 0
  for (;;) {
    SPACES.lastIndex = at
    SPACES.exec(text)
    at = SPACES.lastIndex
    NUMBERING.lastIndex = at
    const m = NUMBERING.exec(text)
    if (!m) {
      return text.slice(at)
    }
    at += m[0].length
  }
}

const OPENERS = new Set(['(', '（', '[', '【', '〔'])
const CLOSERS = new Set([')', '）', ']', '】', '〕'])

/**
 * Drops every bracketed part: from an opening bracket to the next closing
 * one. A scan, not a pattern: an unclosed "(((…" is kept as written, in one pass.
 */
function withoutBrackets(text: string): string {
  let out = ''
  let from = 0
  let open = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (open < 0 && OPENERS.has(c)) {
      open = i
    } else if (open >= 0 && CLOSERS.has(c)) {
      out += text.slice(from, open)
      from = i + 1
      open = -1
    }
  }
  return out + text.slice(from)
}

/** The core of a heading: numbering, brackets, punctuation and spaces gone. */
export function headingCore(heading: string): string {
  const text = withoutNumbering(heading.normalize('NFKC').replace(/\s+/g, ''))
  return withoutBrackets(text)
    .replace(/[:：。.、,，;；!！?？"“”'‘’《》<>]/g, '')
    .toLowerCase()
}

/** Whether a written heading satisfies a required one. */
export function headingMatches(written: string, required: string): boolean {
  const want = headingCore(required)
  const have = headingCore(written)
  if (!want) {
    return true
  }
  return have.includes(want)
}

/** Required headings no written heading satisfies, in the order they were required. */
export function missingSections(written: readonly string[], required: readonly string[]): string[] {
  const cores = written.map(headingCore)
  return required.filter((r) => {
    const want = headingCore(r)
    return want !== '' && !cores.some((have) => have.includes(want))
  })
}

/** A required heading as a message names it: the notice's wording without its numbering. */
export function headingLabel(required: string): string {
  return withoutNumbering(required.trim()).trim() || required
}
