/**
 * Text as search compares it: each code point in NFKC (full-width Latin
 * and digits become their ASCII forms, compatibility ideographs their
 * unified ones), lower-case, every run of whitespace or control
 * characters one space, trimmed. The index, the query and the test
 * oracle all fold through this one function, so "contains" means the
 * same thing everywhere.
 */
export interface FoldedText {
  text: string
  /** For each UTF-16 unit of `text`, where the code point it came from starts in the original. */
  from: number[]
  /** Where the original code point behind each unit ends (exclusive), for highlighting. */
  to: number[]
}

const BLANK = /^[\s\p{Cc}\p{Cf}]+$/u

export function foldForSearch(original: string): FoldedText {
  let text = ''
  const from: number[] = []
  const to: number[] = []
  let at = 0
  for (const cp of original) {
    const end = at + cp.length
    let folded = cp.normalize('NFKC').toLowerCase()
    if (BLANK.test(folded)) {
      // Leading blanks and blanks after a blank add nothing.
      folded = text === '' || text.endsWith(' ') ? '' : ' '
    }
    for (let i = 0; i < folded.length; i++) {
      from.push(at)
      to.push(end)
    }
    text += folded
    at = end
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1)
    from.pop()
    to.pop()
  }
  return { text, from, to }
}

/** Only the folded text. */
export const foldText = (original: string): string => foldForSearch(original).text
