/**
 * Checks of the codes and numbers on the registration forms. Each returns
 * `undefined` when the value is acceptable, or a Chinese message that names
 * the field and the rule, shown to the person as is.
 */
import type { Validate } from 'payload'

export type Check = (value: unknown) => string | undefined

/** A check as a Payload field's `validate`. */
export const validateWith =
  (check: Check): Validate =>
  (value) =>
    check(value) ?? true

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/** No value is fine; a value must pass the rule. */
export const optional =
  (check: Check): Check =>
  (value) =>
    text(value) === '' ? undefined : check(value)

/** A required value, then the rule. */
export function required(label: string, rule?: Check): Check {
  return (value) => (text(value) === '' ? `请填写${label}` : rule?.(value))
}

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (every current carrier prefix). */
export const MOBILE = /^1[3-9]\d{9}$/

export const checkMobile: Check = (value) =>
  MOBILE.test(text(value)) ? undefined : '手机号须为 11 位中国大陆手机号码'

/** Postal codes (邮编) are six digits. */
export const checkPostcode: Check = (value) =>
  /^\d{6}$/.test(text(value)) ? undefined : '邮编须为 6 位数字'

/** A landline with its area code: 010-12345678, 0755 1234567, with an optional extension. */
export const checkLandline: Check = (value) =>
  /^0\d{2,3}[- ]?\d{7,8}(?:[-转]\d{1,6})?$/.test(text(value))
    ? undefined
    : '座机号码须含区号，如 010-12345678'

/** RFC 5321's longest address. */
export const EMAIL_MAX = 254

/** The length first: the pattern backtracks quadratically on a long run without `@` or `.`. */
export const checkEmail: Check = (value) => {
  const email = text(value)
  if (email.length > EMAIL_MAX) {
    return `邮箱最长 ${EMAIL_MAX} 个字符`
  }
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? undefined : '邮箱格式不正确'
}

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export const checkPassword: Check = (value) => {
  const length = typeof value === 'string' ? value.length : 0
  if (length < PASSWORD_MIN) {
    return `密码至少 ${PASSWORD_MIN} 位`
  }
  return length > PASSWORD_MAX ? `密码最多 ${PASSWORD_MAX} 位` : undefined
}

/**
 * 医师执业证书编码: 15 digits (level and category, the issuing province,
 * city and county codes, year, serial), as printed on every practice
 * certificate and shown by the national registry's public lookup.
 */
export const checkPracticeCertificate: Check = (value) =>
  /^\d{15}$/.test(text(value)) ? undefined : '医师执业证书编码须为 15 位数字'

export const QUALIFICATION_MIN = 15
export const QUALIFICATION_MAX = 30

/**
 * 医师资格证书编码: older certificates carry a 15-digit number; current ones
 * are longer (year, level, category, province, then the holder's ID-card
 * number, whose last character may be X). We accept 15–30 digits and capital
 * letters rather than one exact layout, because both generations are in use
 * and editors check the scan anyway; lower-case letters are upper-cased
 * before the check by `normalizeCode`.
 */
export const checkQualificationCertificate: Check = (value) => {
  const code = text(value)
  return /^\d[0-9A-Z]*$/.test(code) &&
    code.length >= QUALIFICATION_MIN &&
    code.length <= QUALIFICATION_MAX
    ? undefined
    : `医师资格证书编码须为 ${QUALIFICATION_MIN}–${QUALIFICATION_MAX} 位数字或大写字母`
}

/** Codes are typed with stray spaces and lower-case x; store them in one form. */
export function normalizeCode(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : value
}

/**
 * A bare hostname where a partner will embed galleries: lower-case labels of
 * letters, digits and hyphens (punycode for IDN), at least one dot, an
 * alphabetic top-level label, no scheme, port, path or IP address.
 */
export function checkHostname(value: unknown): string | undefined {
  const host = text(value).toLowerCase()
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
  const labels = host.split('.')
  const tld = labels[labels.length - 1] ?? ''
  const ok =
    host.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => label.test(l)) &&
    (/^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]{2,59}$/.test(tld))
  return ok
    ? undefined
    : `嵌入域名「${text(value)}」不是有效的域名，如 news.example.org（不含 http:// 和路径）`
}
