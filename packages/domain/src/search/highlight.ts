import { foldForSearch, foldText } from './fold'

export interface Segment {
  text: string
  hit: boolean
}

/**
 * The original text cut into plain and matching segments (every place the
 * folded query occurs in the folded text), for <mark>. With `window`, only
 * about that many characters around the first match, with an ellipsis
 * where text was cut: an abstract's snippet on a card.
 */
export function highlight(original: string, query: string, window?: number): Segment[] {
  const needle = foldText(query)
  const { text, from, to } = foldForSearch(original)
  const ranges: [number, number][] = []
  if (needle !== '') {
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
      ranges.push([from[i]!, to[i + needle.length - 1]!])
    }
  }
  let start = 0
  let end = original.length
  if (window !== undefined && original.length > window) {
    const first = ranges[0]?.[0] ?? 0
    start = Math.max(0, Math.min(first - Math.floor(window / 3), original.length - window))
    end = Math.min(original.length, start + window)
  }
  const out: Segment[] = []
  const push = (a: number, b: number, hit: boolean) => {
    if (b > a) {
      out.push({ text: original.slice(a, b), hit })
    }
  }
  let at = start
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) {
      continue
    }
    push(at, Math.max(a, at), false)
    push(Math.max(a, at), Math.min(b, end), true)
    at = Math.min(b, end)
  }
  push(at, end, false)
  if (start > 0) {
    out.unshift({ text: '…', hit: false })
  }
  if (end < original.length) {
    out.push({ text: '…', hit: false })
  }
  return out
}
