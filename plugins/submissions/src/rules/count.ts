/**
 * Counting text the way the notices mean it ("正文不超过 2000 字").
 *
 * A Chinese editor checks such a limit with the 字数 figure of Word or WPS. That
 * figure is "中文字符和朝鲜语单词" plus "非中文单词": every CJK character and every
 * full-width (Chinese) punctuation mark counts 1, while a run of Latin letters,
 * digits and half-width marks counts 1 as a word. So `2021年` is 2, `COVID-19疫情`
 * is 3, `（数据对比）` is 6, and whitespace never counts. Counting every Latin
 * letter instead would let an English acronym or a long URL eat a Chinese writer's
 * budget in a way their own word processor never shows them.
 *
 * Units are grapheme clusters (Intl.Segmenter), so a surrogate pair, an emoji with
 * modifiers or ZWJ sequences, or a letter with combining marks is one unit. An
 * emoji counts 1 on its own, like a CJK character, rather than merging into a word.
 */

const CJK_LETTER =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u

/**
 * Punctuation and symbols Chinese text uses as characters of their own: the CJK
 * symbols block, full-width forms, vertical and small forms, and the general
 * punctuation Chinese typesetting uses (“” ‘’ … — · ‧ ※).
 */
const CJK_MARK =
  /^[\u3000-\u303F\uFF00-\uFFEF\uFE10-\uFE1F\uFE30-\uFE4F\uFE50-\uFE6F\u2018\u2019\u201C\u201D\u2014\u2015\u2026\u00B7\u2027\u203B\u3200-\u33FF]/u

const EMOJI = /^\p{Extended_Pictographic}/u

const SPACE = /^[\s\u200B\u2060\uFEFF]+$/u

type Segments = (text: string) => Iterable<string>

function makeSegments(): Segments {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' })
    return function* (text) {
      for (const s of segmenter.segment(text)) {
        yield s.segment
      }
    }
  }
  // Older engines: code points, with combining marks kept on their base.
  return (text) => text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? []
}

let segments: Segments | undefined

/**
 * Engines of the Node 20 / Chromium 11x generation walk a Segmenter in time
 * quadratic in the text's length (120 000 characters took 35 s on Node 20),
 * and the form counts on every keystroke in whatever browser the submitter
 * has. So the text is segmented in short pieces, cut only where a grapheme
 * boundary is certain: before whitespace, a CJK character or an ASCII
 * character, when the unit before is not a zero-width joiner.
 */
const CHUNK = 256
const MAX_CHUNK = 4096

function isCertainBoundary(text: string, i: number): boolean {
  const unit = text.charCodeAt(i)
  const before = text.charCodeAt(i - 1)
  if (before === 0x200d || (before >= 0xd800 && before <= 0xdbff)) {
    return false
  }
  return (
    (unit >= 0x20 && unit <= 0x7e) ||
    unit === 0x09 ||
    unit === 0x0a ||
    unit === 0x0d ||
    (unit >= 0x3000 && unit <= 0x9fff) ||
    (unit >= 0xf900 && unit <= 0xfaff) ||
    (unit >= 0xff01 && unit <= 0xff5e)
  )
}

function* graphemes(text: string): Generator<string> {
  segments ??= makeSegments()
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK)
    if (end < text.length) {
      let cut = end
      while (cut > start + 1 && !isCertainBoundary(text, cut)) {
        cut -= 1
      }
      if (!isCertainBoundary(text, cut)) {
        // A long run without a certain boundary (emoji, combining marks): look
        // ahead, and past MAX_CHUNK cut between code points all the same.
        cut = end
        while (cut < text.length && cut - start < MAX_CHUNK && !isCertainBoundary(text, cut)) {
          cut += 1
        }
        const unit = text.charCodeAt(cut)
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          cut += 1
        }
      }
      end = cut
    }
    yield* segments(text.slice(start, end))
    start = end
  }
}

/** Whether a grapheme counts 1 on its own (as opposed to being part of a word). */
function isCharacterUnit(grapheme: string): boolean {
  return CJK_LETTER.test(grapheme) || CJK_MARK.test(grapheme) || EMOJI.test(grapheme)
}

/** Length of `text` as a Chinese reader (and Word/WPS 字数) counts it; see the module comment. */
export function countChars(text: string | null | undefined): number {
  if (!text) {
    return 0
  }
  let count = 0
  let inWord = false
  for (const g of graphemes(text.normalize('NFC'))) {
    if (SPACE.test(g)) {
      inWord = false
    } else if (isCharacterUnit(g)) {
      count += 1
      inWord = false
    } else if (!inWord) {
      count += 1
      inWord = true
    }
  }
  return count
}

/** Text with every kind of whitespace removed; for "is there anything written here". */
export function hasText(text: string | null | undefined): boolean {
  return countChars(text) > 0
}
