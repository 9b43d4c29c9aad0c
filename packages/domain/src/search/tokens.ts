import { foldText } from './fold'

/**
 * The tokens an entry is indexed by, as words the stores' plain tokenizers
 * keep whole (SQLite FTS5's unicode61, MongoDB's multikey arrays): each
 * code point is four base-36 digits, so every token is ASCII letters and
 * digits whatever the text's script.
 *
 * - `bigrams`: every two neighbouring code points of a field, in order
 *   (`b` + 8 digits). A query of n ≥ 2 code points is in a field exactly
 *   when its n − 1 bigrams stand there in a row: a phrase.
 * - `unigrams`: every code point once (`u` + 4 digits), for one-character
 *   queries.
 *
 * Fields are kept apart by a token no query makes (`x`), so a phrase never
 * runs from a title into an abstract.
 */
export const FIELD_BREAK = 'x'

const digits = (cp: number) => cp.toString(36).padStart(4, '0')
const codePoints = (text: string) => Array.from(text, (c) => digits(c.codePointAt(0)!))

export function bigramsOf(folded: string): string[] {
  const cps = codePoints(folded)
  const out: string[] = []
  for (let i = 0; i + 1 < cps.length; i++) {
    out.push(`b${cps[i]}${cps[i + 1]}`)
  }
  return out
}

export interface EntryTokens {
  /** Space-separated, fields split by FIELD_BREAK. */
  bigrams: string
  /** Space-separated, each distinct code point once. */
  unigrams: string
}

export function entryTokens(fields: readonly string[]): EntryTokens {
  const folded = fields.map(foldText).filter((f) => f !== '')
  const unigrams = new Set<string>()
  for (const field of folded) {
    for (const cp of codePoints(field)) {
      unigrams.add(`u${cp}`)
    }
  }
  return {
    bigrams: folded.map((f) => bigramsOf(f).join(' ')).join(` ${FIELD_BREAK} `),
    unigrams: [...unigrams].join(' '),
  }
}

/** What a store looks up for a query: its one code point, or its bigrams in order. */
export type QueryTokens =
  | { kind: 'unigram'; folded: string; token: string }
  | { kind: 'bigrams'; folded: string; tokens: string[] }

/** The tokens of a query, or null when it folds to nothing (no text filter). */
export function queryTokens(query: string): QueryTokens | null {
  const folded = foldText(query)
  if (folded === '') {
    return null
  }
  const cps = codePoints(folded)
  if (cps.length === 1) {
    return { kind: 'unigram', folded, token: `u${cps[0]}` }
  }
  return { kind: 'bigrams', folded, tokens: bigramsOf(folded) }
}

/** The oracle the stores must agree with: does any field contain the query, folded? */
export function fieldsContain(fields: readonly string[], query: string): boolean {
  const folded = foldText(query)
  return folded !== '' && fields.some((f) => foldText(f).includes(folded))
}
