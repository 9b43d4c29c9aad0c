/**
 * Matching section headings the way an editor reads them. A notice asks for
 * "（3）成效（数据对比）"; submitters write "三、成效", "3. 成效（数据对比）" or
 * "主要成效". What matters is the core word, so numbering, whitespace, bracketed
 * explanations, trailing colons and full-width/half-width differences are ignored,
 * and a heading matches when its core contains the required core.
 */

const CN_NUMERALS = '一二三四五六七八九十百零〇两'
const NUMBERING = new RegExp(
  [
    `^第[${CN_NUMERALS}\\d]+[部分章节条点项]?[、.:：\\s]*`,
    `^[(（][${CN_NUMERALS}\\d]+[)）][、.:：\\s]*`,
    `^[${CN_NUMERALS}]+[、.:：\\s]+`,
    `^\\d+(?:\\.\\d+)+[、.:：)）\\s]*`,
    `^\\d+[、.:：)）\\s]+`,
    `^[a-zA-Z][、.:：)）]\\s*`,
    `^[\\u2460-\\u24FF\\u2776-\\u2793]\\s*`,
  ].join('|'),
)

/** The core of a heading: numbering, brackets, punctuation and spaces gone. */
export function headingCore(heading: string): string {
  let text = heading.normalize('NFKC').replace(/\s+/g, '')
  // Numbering can be nested ("一、（1）"), so peel until nothing changes.
  for (let previous = ''; previous !== text;) {
    previous = text
    text = text.replace(NUMBERING, '')
  }
  return text
    .replace(/[(（[【〔][^)）\]】〕]*[)）\]】〕]/g, '')
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
  return required.filter((r) => !written.some((w) => headingMatches(w, r)))
}

/** A required heading as a message names it: the notice's wording without its numbering. */
export function headingLabel(required: string): string {
  let text = required.trim()
  for (let previous = ''; previous !== text;) {
    previous = text
    text = text.replace(NUMBERING, '').trim()
  }
  return text || required
}
