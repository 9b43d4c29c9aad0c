import { countChars } from '../rules/count'
import type { DocxFacts } from '../rules/types'

/**
 * Reading a case document's parts from its plain text (mammoth's raw text:
 * one paragraph per line). Word files carry no reliable structure (many
 * writers bold a line instead of using a heading style), so this works on
 * paragraphs:
 *
 * - The abstract is introduced by a paragraph starting "摘要" (also "【摘要】",
 *   "摘 要：", "Abstract"). If text follows on the same paragraph, that text is
 *   the abstract; otherwise the abstract is the paragraphs after it up to the
 *   next heading-like paragraph or the keywords line (关键词/关键字).
 * - The body is everything after the abstract and the keywords line, headings
 *   included, as Word's 字数 of that selection would show. Without an abstract
 *   the body is the whole document except a first heading-like line (the title).
 * - A heading-like paragraph is short (≤ 30 characters) and does not end like a
 *   sentence (。！？；…:).
 */

const HEADING_MAX_CHARS = 30
const SENTENCE_END = /[。！？!?；;…:：,，、]$/
const ABSTRACT_START =
  /^[[【〔(（]?\s*(?:摘\s*要|内容摘要|案例摘要|abstract)\s*[\]】〕)）]?\s*[:：]?\s*/i
const KEYWORDS_START = /^[[【〔(（]?\s*(?:关\s*键\s*[词字]|key\s*words?)/i
const COPYRIGHT = /版权声明|版权所有|著作权|©|\(c\)\s*\d{4}/i

function isHeadingLike(paragraph: string): boolean {
  return countChars(paragraph) <= HEADING_MAX_CHARS && !SENTENCE_END.test(paragraph)
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => countChars(p) > 0)
}

const sum = (paragraphs: string[]) => paragraphs.reduce((n, p) => n + countChars(p), 0)

export interface DocxTextFacts extends DocxFacts {
  headings: string[]
  /** The document carries a copyright statement (版权声明/版权所有/©). */
  copyrightStatement: boolean
}

/** Body and abstract length, headings and a copyright statement, from a document's raw text. */
export function analyseDocxText(text: string): DocxTextFacts {
  const paragraphs = paragraphsOf(text)
  const start = paragraphs.findIndex((p) => ABSTRACT_START.test(p))

  let abstract: string[] = []
  let bodyFrom: number
  if (start >= 0) {
    const inline = (paragraphs[start] ?? '').replace(ABSTRACT_START, '')
    let next = start + 1
    if (countChars(inline) > 0) {
      abstract = [inline]
    } else {
      while (next < paragraphs.length) {
        const p = paragraphs[next] ?? ''
        if (KEYWORDS_START.test(p) || isHeadingLike(p)) {
          break
        }
        abstract.push(p)
        next += 1
      }
    }
    if (KEYWORDS_START.test(paragraphs[next] ?? '')) {
      next += 1
    }
    bodyFrom = next
  } else {
    bodyFrom = paragraphs[0] && isHeadingLike(paragraphs[0]) ? 1 : 0
  }

  const body = paragraphs.slice(bodyFrom)
  return {
    bodyChars: sum(body),
    abstractChars: sum(abstract),
    headings: body.filter(isHeadingLike),
    copyrightStatement: paragraphs.some((p) => COPYRIGHT.test(p)),
  }
}
