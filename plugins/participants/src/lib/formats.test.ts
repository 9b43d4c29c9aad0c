import { describe, expect, it } from 'vitest'

import {
  checkEmail,
  checkHostname,
  checkLandline,
  checkMobile,
  checkPassword,
  checkPostcode,
  checkPracticeCertificate,
  checkQualificationCertificate,
  normalizeCode,
  required,
} from './formats'

describe('checkMobile', () => {
  it('should accept an 11-digit mainland number', () => {
    expect(checkMobile('13812345678')).toBeUndefined()
  })

  it('should refuse a short number, a landline and a number starting 12', () => {
    for (const bad of ['1381234567', '01012345678', '12812345678', '+8613812345678']) {
      expect(checkMobile(bad)).toBe('手机号须为 11 位中国大陆手机号码')
    }
  })
})

describe('checkPracticeCertificate', () => {
  it('should accept 15 digits and refuse 14, 16 or letters', () => {
    expect(checkPracticeCertificate('110110000012345')).toBeUndefined()
    expect(checkPracticeCertificate('11011000001234')).toMatch(/15 位数字/)
    expect(checkPracticeCertificate('1101100000123456')).toMatch(/15 位数字/)
    expect(checkPracticeCertificate('11011000001234X')).toMatch(/15 位数字/)
  })
})

describe('checkQualificationCertificate', () => {
  it('should accept a 15-digit code and a long code ending in an ID-card X', () => {
    expect(checkQualificationCertificate('199811110000123')).toBeUndefined()
    expect(checkQualificationCertificate('20081111511102198001011234X')).toBeUndefined()
  })

  it('should refuse a short code, lower-case letters and punctuation', () => {
    expect(checkQualificationCertificate('12345678901234')).toMatch(/15–30 位/)
    expect(checkQualificationCertificate('20081111511102198001011234x')).toMatch(/15–30 位/)
    expect(checkQualificationCertificate('2008-1111-5111-0219')).toMatch(/15–30 位/)
  })

  it('should pass once normalizeCode removes spaces and upper-cases the X', () => {
    expect(checkQualificationCertificate(normalizeCode(' 2008 1111 5111021980 01011234x'))).toBe(
      undefined,
    )
  })
})

describe('the small form checks', () => {
  it('should accept six-digit postcodes only', () => {
    expect(checkPostcode('100730')).toBeUndefined()
    expect(checkPostcode('10073')).toBe('邮编须为 6 位数字')
  })

  it('should accept landlines with an area code and refuse them without', () => {
    expect(checkLandline('010-65281234')).toBeUndefined()
    expect(checkLandline('0755 1234567')).toBeUndefined()
    expect(checkLandline('65281234')).toMatch(/区号/)
  })

  it('should check emails loosely and passwords by length', () => {
    expect(checkEmail('a@b.cn')).toBeUndefined()
    expect(checkEmail('a@b')).toBe('邮箱格式不正确')
    expect(checkPassword('1234567')).toBe('密码至少 8 位')
    expect(checkPassword('12345678')).toBeUndefined()
  })

  it('should name the field when a required value is missing', () => {
    expect(required('科室')('  ')).toBe('请填写科室')
    expect(required('手机号', checkMobile)('123')).toMatch(/11 位/)
  })
})

describe('checkHostname', () => {
  it('should accept plain and punycode hostnames', () => {
    expect(checkHostname('news.example.org')).toBeUndefined()
    expect(checkHostname('WWW.Example.COM')).toBeUndefined()
    expect(checkHostname('xn--fiqs8s.xn--fiqz9s')).toBeUndefined()
  })

  it('should refuse URLs, ports, paths, IP addresses and single labels', () => {
    for (const bad of [
      'https://news.example.org',
      'news.example.org:8080',
      'news.example.org/path',
      '192.168.1.1',
      'localhost',
      '-bad.example.org',
      '*.example.org',
    ]) {
      expect(checkHostname(bad)).toMatch(/不是有效的域名/)
    }
  })
})

describe('checkEmail at its length limit', () => {
  it('should accept an address of exactly 254 characters', () => {
    const address = `${'a'.repeat(254 - '@example.org'.length)}@example.org`
    expect(checkEmail(address)).toBeUndefined()
  })

  it('should refuse a 300,000-character address by its length, naming the limit', () => {
    // A run with no "@" is the input the pattern backtracks on; the length is checked first.
    expect(checkEmail('a'.repeat(300_000))).toBe('邮箱最长 254 个字符')
  })
})
