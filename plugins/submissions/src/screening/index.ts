/**
 * Content screening: marks what an editor should look at (personal data of
 * patients, commercial promotion), per the notices' "不得含有…个人隐私…不可夹杂
 * 药品、平台等商业宣传推广内容". Flags are for humans; nothing is ever refused on
 * a flag, so the patterns prefer precision (checksums, dates, area codes) over
 * catching every variant.
 */

export type ScreeningFlagKind = 'id-number' | 'phone' | 'promotion'

export interface ScreeningFlag {
  kind: ScreeningFlagKind
  /** Dotted path of the entry field the text came from, when known. */
  field?: string
  /** The match with some text either side, for the editor's list. */
  excerpt: string
  /** The text as found. */
  match: string
}

/**
 * Words the editors start from; they edit the list per campaign. Short words
 * that also occur in plain medical writing (加微 in 增加微创, 包好 伤口, 治愈率)
 * are left out: every false flag costs an editor a look.
 */
export const DEFAULT_PROMOTION_WORDS: readonly string[] = [
  '最低价',
  '最便宜',
  '特效',
  '特效药',
  '根治',
  '包治',
  '药到病除',
  '疗效最佳',
  '无效退款',
  '无效退费',
  '代购',
  '加微信',
  '加V',
  '私信购买',
  '扫码购买',
  '扫码下单',
  '点击购买',
  '购买链接',
  '优惠券',
  '限时折扣',
  '限时优惠',
  '特价',
  '促销',
  '包邮',
  '秒杀',
  '返现',
  '团购',
  '独家秘方',
  '祖传秘方',
  '纯天然无副作用',
  '国家级新药',
]

const EXCERPT_SIDE = 12

/**
 * Flags kept per kind and text. An editor needs to see that a text carries
 * phone numbers, not each of ten thousand; and every new flag is checked
 * against the ones before it, so an unbounded list made a 2 MB body of
 * numbers cost minutes.
 */
export const MAX_FLAGS_PER_KIND = 20

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** Province-level codes that start a resident ID (11 北京 … 82 澳门). */
const ID_REGIONS = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
])

function isRealDate(year: number, month: number, day: number, now: Date): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) {
    return false
  }
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false
  }
  return date.getTime() <= now.getTime()
}

/** An 18-digit resident ID: region, real birth date, ISO 7064 MOD 11-2 check digit. */
export function isResidentId18(id: string, now = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !ID_REGIONS.has(Number(id.slice(0, 2)))) {
    return false
  }
  const date = isRealDate(
    Number(id.slice(6, 10)),
    Number(id.slice(10, 12)),
    Number(id.slice(12, 14)),
    now,
  )
  if (!date) {
    return false
  }
  let sum = 0
  for (let i = 0; i < 17; i++) {
    sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0)
  }
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase()
}

/** A 15-digit resident ID of the pre-1999 format: region and a real 19YY birth date. */
export function isResidentId15(id: string): boolean {
  if (!/^\d{15}$/.test(id) || !ID_REGIONS.has(Number(id.slice(0, 2)))) {
    return false
  }
  return isRealDate(
    1900 + Number(id.slice(6, 8)),
    Number(id.slice(8, 10)),
    Number(id.slice(10, 12)),
    new Date(Date.UTC(2000, 0, 1)),
  )
}

// Digits inside longer numbers never match: a serial or an order number is not an ID.
const ID_PATTERN = /(?<![\dA-Za-z])(\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx]|\d{15})(?![\dA-Za-z])/g
const MOBILE_PATTERN = /(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g
// A landline needs its area code (0 + 2–3 digits) so that years, counts and money never match.
const LANDLINE_PATTERN =
  /(?<![\d-])(?:0\d{2,3}[ -]|0\d{2,3}-|[(（]0\d{2,3}[)）] ?)[2-9]\d{6,7}(?![\d-])/g

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_SIDE)
  const to = Math.min(text.length, end + EXCERPT_SIDE)
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A word as a pattern that also finds it with spaces slipped between its characters. */
function wordPattern(word: string): RegExp | undefined {
  const chars = [...word.normalize('NFKC').replace(/\s+/g, '')]
  if (chars.length === 0) {
    return undefined
  }
  return new RegExp(chars.map(escapeRegExp).join('\\s*'), 'giu')
}

/**
 * What in `text` an editor should look at: resident ID numbers (checksum and
 * birth date valid), mainland mobile numbers (also written with spaces or
 * dashes, with or without +86) and landlines with an area code, and the
 * promotion `words` (matched case-insensitively, full-width letters folded).
 */
export function screenText(
  text: string,
  words: readonly string[],
  field?: string,
): ScreeningFlag[] {
  if (!text) {
    return []
  }
  const flags: ScreeningFlag[] = []
  const taken: [number, number][] = []
  const found: Record<ScreeningFlagKind, number> = { 'id-number': 0, phone: 0, promotion: 0 }
  const full = (kind: ScreeningFlagKind) => found[kind] >= MAX_FLAGS_PER_KIND
  const add = (kind: ScreeningFlagKind, start: number, match: string) => {
    const end = start + match.length
    found[kind] += 1
    taken.push([start, end])
    flags.push({ kind, ...(field ? { field } : {}), excerpt: excerptOf(text, start, end), match })
  }
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s)

  for (const m of text.matchAll(ID_PATTERN)) {
    if (full('id-number')) {
      break
    }
    const digits = m[0].replace(/[ -]/g, '')
    if (digits.length === 18 ? isResidentId18(digits) : isResidentId15(digits)) {
      add('id-number', m.index, m[0])
    }
  }
  for (const pattern of [MOBILE_PATTERN, LANDLINE_PATTERN]) {
    for (const m of text.matchAll(pattern)) {
      if (full('phone')) {
        break
      }
      if (!overlaps(m.index, m.index + m[0].length)) {
        add('phone', m.index, m[0])
      }
    }
  }

  // NFKC keeps lengths for CJK and full-width ASCII, so indexes stay on the original text.
  const folded = text.normalize('NFKC')
  const sameIndexes = folded.length === text.length
  const seen = new Set<string>()
  // Longest first, so 特效药 is reported as itself and not as 特效.
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const pattern = wordPattern(word)
    if (!pattern || seen.has(pattern.source)) {
      continue
    }
    seen.add(pattern.source)
    for (const m of folded.matchAll(pattern)) {
      if (full('promotion')) {
        break
      }
      const match = sameIndexes ? text.slice(m.index, m.index + m[0].length) : m[0]
      if (!overlaps(m.index, m.index + m[0].length)) {
        add('promotion', sameIndexes ? m.index : 0, match)
      }
    }
  }
  return flags
}

/** The texts of an entry worth screening, with their field paths. */
export interface ScreenableContent {
  title?: string | null
  abstract?: string | null
  sections?: ({ heading?: string | null; body?: string | null } | null)[] | null
  attachments?: ({ caption?: string | null } | null)[] | null
}

/** `screenText` over every text of an entry, each flag naming its field. */
export function screenContent(
  content: ScreenableContent,
  words: readonly string[],
): ScreeningFlag[] {
  const flags: ScreeningFlag[] = []
  const screen = (text: string | null | undefined, field: string) => {
    if (text) {
      flags.push(...screenText(text, words, field))
    }
  }
  screen(content.title, 'title')
  screen(content.abstract, 'abstract')
  for (const [i, s] of (content.sections ?? []).entries()) {
    screen(s?.heading, `sections.${i}.heading`)
    screen(s?.body, `sections.${i}.body`)
  }
  for (const [i, a] of (content.attachments ?? []).entries()) {
    screen(a?.caption, `attachments.${i}.caption`)
  }
  return flags
}
