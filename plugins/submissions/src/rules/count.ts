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

function graphemes(text: string): Iterable<string> {
  segments ??= makeSegments()
  return segments(text)
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
