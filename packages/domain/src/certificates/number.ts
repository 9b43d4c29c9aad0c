/**
 * Certificate numbers: `YYYY-NNNNNN-C`, the year of issue, a serial within
 * the year, and an ISO 7064 MOD 11-2 check character (0–9 or X, the scheme
 * of the Chinese resident ID number). The check catches every mistyped
 * digit and every swap of two neighbouring digits, so a reader who copies a
 * number from paper learns at once that it is wrong rather than that the
 * certificate does not exist.
 */

export const CERTIFICATE_SERIAL_DIGITS = 6
export const CERTIFICATE_SERIAL_MAX = 10 ** CERTIFICATE_SERIAL_DIGITS - 1

/** The ISO 7064 MOD 11-2 check character of a digit string. */
export function mod112CheckChar(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) {
    throw new Error('MOD 11-2 takes digits only')
  }
  let p = 0
  for (const d of digits) {
    p = ((p + Number(d)) * 2) % 11
  }
  const check = (12 - p) % 11
  return check === 10 ? 'X' : String(check)
}

export function formatCertificateNumber(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new Error(`certificate year ${year} is not four digits`)
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > CERTIFICATE_SERIAL_MAX) {
    throw new Error(`certificate serial ${serial} is outside 1–${CERTIFICATE_SERIAL_MAX}`)
  }
  const digits = `${year}${String(serial).padStart(CERTIFICATE_SERIAL_DIGITS, '0')}`
  return `${digits.slice(0, 4)}-${digits.slice(4)}-${mod112CheckChar(digits)}`
}

export type ParsedCertificateNumber =
  | { ok: true; number: string; year: number; serial: number }
  | { ok: false; code: 'format' | 'check'; message: string }

/** The longest text looked at as a certificate number: anything longer is refused before any pattern. */
export const CERTIFICATE_NUMBER_INPUT_MAX = 40

/**
 * Reads a number as a person types it: hyphens or spaces anywhere, a lower-case x.
 * Answers the canonical form, or why it is not a certificate number.
 */
export function parseCertificateNumber(input: string): ParsedCertificateNumber {
  if (input.length > CERTIFICATE_NUMBER_INPUT_MAX) {
    return {
      ok: false,
      code: 'format',
      message: `证书编号不超过 ${CERTIFICATE_NUMBER_INPUT_MAX} 个字符`,
    }
  }
  const compact = input.replace(/[\s-]/g, '').toUpperCase()
  const match = /^([0-9]{4})([0-9]{6})([0-9X])$/.exec(compact)
  if (!match) {
    return {
      ok: false,
      code: 'format',
      message: '证书编号应为“年份-6 位序号-校验位”，例如 2021-000001-X',
    }
  }
  const [, year, serial, check] = match as unknown as [string, string, string, string]
  if (mod112CheckChar(`${year}${serial}`) !== check || Number(serial) === 0) {
    return {
      ok: false,
      code: 'check',
      message: '证书编号校验位不符：请核对是否抄错了数字',
    }
  }
  return {
    ok: true,
    number: `${year}-${serial}-${check}`,
    year: Number(year),
    serial: Number(serial),
  }
}
