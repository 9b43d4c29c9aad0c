/**
 * The number a submitter quotes for an entry: `<Beijing year>-<campaign
 * code><serial>`, e.g. `2026-YZ0042`. The code is the campaign's 作品编号前缀;
 * the serial counts that campaign's entries of that year from 1, four digits
 * wide (a fifth digit appears only past 9999).
 */

/** A campaign's code: 2–4 capital letters, so it cannot be misread as part of the serial. */
export const ENTRY_NUMBER_CODE_PATTERN = /^[A-Z]{2,4}$/

/**
 * The code used for campaigns that have none (created before the code
 * existed). One letter, so no real code equals it: their entries share one
 * serial per year, `2026-X0001`, and never clash with a coded campaign's.
 */
export const FALLBACK_ENTRY_NUMBER_CODE = 'X'

const SERIAL_DIGITS = 4

export interface EntryNumberParts {
  year: number
  code: string
  serial: number
}

export function isEntryNumberCode(code: unknown): code is string {
  return typeof code === 'string' && ENTRY_NUMBER_CODE_PATTERN.test(code)
}

/** `2026-YZ`: what every number of one campaign and year starts with. */
export function entryNumberPrefix(year: number, code: string): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`entry number year must have four digits: ${year}`)
  }
  if (!isEntryNumberCode(code) && code !== FALLBACK_ENTRY_NUMBER_CODE) {
    throw new RangeError(`entry number code must be 2–4 capital letters: ${code}`)
  }
  return `${year}-${code}`
}

/** `formatEntryNumber(2026, 'YZ', 42)` → `2026-YZ0042`. */
export function formatEntryNumber(year: number, code: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) {
    throw new RangeError(`entry number serial must be a positive integer: ${serial}`)
  }
  return `${entryNumberPrefix(year, code)}${String(serial).padStart(SERIAL_DIGITS, '0')}`
}

const NUMBER_PATTERN = /^(\d{4})-([A-Z]{1,4})(\d{4,})$/

/** The parts of a number in the rule's shape; null for anything else (older random numbers). */
export function parseEntryNumber(number: string | null | undefined): EntryNumberParts | null {
  const match = NUMBER_PATTERN.exec(number ?? '')
  if (!match) {
    return null
  }
  const code = match[2]!
  if (!isEntryNumberCode(code) && code !== FALLBACK_ENTRY_NUMBER_CODE) {
    return null
  }
  return { year: Number(match[1]), code, serial: Number(match[3]) }
}

/** The serial after the highest one among `numbers` with this year and code; 1 when there is none. */
export function nextEntrySerial(
  numbers: Iterable<string | null | undefined>,
  year: number,
  code: string,
): number {
  let highest = 0
  for (const number of numbers) {
    const parts = parseEntryNumber(number)
    if (parts && parts.year === year && parts.code === code && parts.serial > highest) {
      highest = parts.serial
    }
  }
  return highest + 1
}
