import fc from 'fast-check'

/**
 * Hostile values. Fixed lists are the corpus; the arbitraries mix them into
 * shapes fast-check varies (operator nesting, pollution keys at any depth,
 * strings built from the nasty parts of Unicode).
 */

/** MongoDB and Payload query operators, as a client would smuggle them into a JSON field. */
export const OPERATOR_OBJECTS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $exists: true },
  { equals: 'x' },
  { not_equals: '' },
  { in: ['a', 'b'] },
  { exists: true },
  { like: '%' },
  { contains: '' },
  { greater_than: 0 },
  { or: [{ id: { exists: true } }] },
  { and: [{ equals: 1 }] },
]

const operatorName = fc.constantFrom(
  '$gt',
  '$ne',
  '$in',
  '$regex',
  '$where',
  '$exists',
  '$or',
  'equals',
  'not_equals',
  'in',
  'not_in',
  'exists',
  'like',
  'contains',
  'greater_than',
  'less_than_equal',
  'or',
  'and',
)

const operand: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(''),
  fc.constant(true),
  fc.constant(null),
  fc.constant('%'),
  fc.constant('.*'),
  fc.integer({ min: -1, max: 1 }),
  fc.constant(['a', 'b']),
  fc.constant({ $gt: '' }),
)

/** `{op: operand}`, sometimes nested or in an array: never a plain value. */
export const operatorObject: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...OPERATOR_OBJECTS) },
  { weight: 3, arbitrary: fc.dictionary(operatorName, operand, { minKeys: 1, maxKeys: 2 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(operatorName, fc.constantFrom(...OPERATOR_OBJECTS))
      .map(([k, v]) => ({ [k]: [v] })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...OPERATOR_OBJECTS).map((v) => [v]) },
)

/** Keys that reach `Object.prototype` through a naive merge, a query parser or a path setter. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** The marker a polluted `Object.prototype` would show. */
export const POLLUTED = 'fuzzPolluted'

/** Raw JSON texts, since `JSON.stringify` drops a `__proto__` own key set the ordinary way. */
export const POLLUTION_FRAGMENTS = [
  `"__proto__":{"${POLLUTED}":true,"role":"admin","isAdmin":true}`,
  `"constructor":{"prototype":{"${POLLUTED}":true,"role":"admin"}}`,
  `"__proto__":{"__proto__":{"${POLLUTED}":true}}`,
  `"prototype":{"${POLLUTED}":true}`,
]

/** Query-string pollution, as `qs` parses it. */
export const POLLUTION_QUERIES = [
  `__proto__[${POLLUTED}]=1`,
  `__proto__.${POLLUTED}=1`,
  `constructor[prototype][${POLLUTED}]=1`,
  `where[__proto__][${POLLUTED}]=1`,
  `where[constructor][prototype][${POLLUTED}]=1`,
  `select[__proto__][${POLLUTED}]=true`,
  `__proto__[role]=admin`,
  `__proto__[overrideAccess]=true`,
  `depth[__proto__][${POLLUTED}]=1`,
]

/** Strings that break a naive HTML template; each carries `tag` so its echo can be found. */
export function xssPayloads(tag: string): string[] {
  return [
    `<script>window.${tag}=1</script>`,
    `"><img src=x onerror=alert('${tag}')>`,
    `'><svg onload=alert('${tag}')>`,
    `</title><script>alert('${tag}')</script>`,
    `</script><script>alert('${tag}')</script>`,
    `<a href="javascript:alert('${tag}')">${tag}</a>`,
    `<iframe srcdoc="<script>parent.${tag}=1</script>"></iframe>`,
    `{{constructor.constructor('alert("${tag}")')()}}<style>@import'//x/${tag}'</style>`,
  ]
}

/**
 * The raw markup of an XSS payload (from its first `<`), with quoted attribute
 * values emptied: the same is done to the page, so text that sits escaped
 * inside an attribute (`alt="<b>"` is inert) is not mistaken for markup.
 */
export function xssMarkup(payload: string): string {
  return withoutAttributeValues(payload.slice(Math.max(0, payload.indexOf('<'))))
}

export const withoutAttributeValues = (html: string) =>
  html.replace(/="[^"]*"/g, '=""').replace(/='[^']*'/g, "=''")

/** Unicode that counts oddly: RTL overrides, zero-width, emoji sequences, combining marks. */
export const UNICODE_FLAVOURS = {
  rtl: '\u202E\u2067', // RIGHT-TO-LEFT OVERRIDE, RIGHT-TO-LEFT ISOLATE
  zeroWidth: '\u200B\u200C\u200D\uFEFF',
  emoji: '👩‍⚕️',
  flag: '🇨🇳',
  combining: 'e\u0301\u0302\u0303',
  cjk: '医',
  astral: '𠀀',
} as const

export type Flavour = keyof typeof UNICODE_FLAVOURS

/** Unicode strings fast-check varies: mixtures of the flavours above and arbitrary code points. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...Object.values(UNICODE_FLAVOURS)),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\r\n', '\t', '%00', '../', '${7*7}'),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''))

/** Byte sequences that are not UTF-8: invalid starts, surrogates, overlong forms of `/` and `.`. */
export const INVALID_UTF8: { name: string; bytes: number[] }[] = [
  { name: 'lone continuation 0x80', bytes: [0x80] },
  { name: '0xFF 0xFE', bytes: [0xff, 0xfe] },
  { name: 'overlong "/" C0 AF', bytes: [0xc0, 0xaf] },
  { name: 'overlong "/" E0 80 AF', bytes: [0xe0, 0x80, 0xaf] },
  { name: 'overlong "." C0 AE', bytes: [0xc0, 0xae] },
  { name: 'overlong NUL C0 80', bytes: [0xc0, 0x80] },
  { name: 'UTF-16 surrogate ED A0 80', bytes: [0xed, 0xa0, 0x80] },
  { name: 'truncated 3-byte E4 B8', bytes: [0xe4, 0xb8] },
  { name: 'above U+10FFFF F4 90 80 80', bytes: [0xf4, 0x90, 0x80, 0x80] },
  { name: '5-byte F8 88 80 80 80', bytes: [0xf8, 0x88, 0x80, 0x80, 0x80] },
]

export const percent = (bytes: number[]) =>
  bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')

/** A JSON text with `value` spliced in as raw bytes at `"<here>"`. */
export function withRawBytes(json: string, bytes: number[]): Buffer {
  const [before, after] = json.split('<here>') as [string, string]
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)])
}

/** `[[[…]]]` `depth` deep, as text (JSON.stringify would overflow the stack first). */
export const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
export const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
