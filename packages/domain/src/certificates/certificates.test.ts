import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  certificateMessage,
  formatCertificateNumber,
  maskPersonName,
  mod112CheckChar,
  parseCertificateNumber,
  type CertificateRecord,
} from '..'

describe('certificate numbers (ISO 7064 MOD 11-2)', () => {
  it('should give the check characters of published examples', () => {
    // The standard's own example, and the check of a sample resident ID number (GB 11643).
    expect(mod112CheckChar('079')).toBe('X')
    expect(mod112CheckChar('11010519491231002')).toBe('X')
  })

  it('should format a year and serial and read it back, hyphens, spaces and case aside', () => {
    const n = formatCertificateNumber(2021, 123)
    expect(n).toMatch(/^2021-000123-[0-9X]$/)
    expect(parseCertificateNumber(n)).toEqual({ ok: true, number: n, year: 2021, serial: 123 })
    expect(parseCertificateNumber(` ${n.replace(/-/g, ' ').toLowerCase()} `)).toMatchObject({
      ok: true,
      number: n,
    })
  })

  it('should refuse a wrong shape, a serial of zero, and overlong input with a message', () => {
    expect(parseCertificateNumber('2021-12-3')).toMatchObject({ ok: false, code: 'format' })
    expect(parseCertificateNumber('x'.repeat(41))).toMatchObject({ ok: false, code: 'format' })
    expect(parseCertificateNumber(`2021-000000-${mod112CheckChar('2021000000')}`)).toMatchObject({
      ok: false,
    })
    expect(() => formatCertificateNumber(2021, 0)).toThrow()
    expect(() => formatCertificateNumber(2021, 1_000_000)).toThrow()
  })

  it('should catch every single mistyped digit and every swap of neighbouring digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 8 }),
        (year, serial, at, swapAt) => {
          const good = formatCertificateNumber(year, serial)
          const digits = good.replace(/-/g, '').slice(0, 10).split('')
          const check = good.at(-1)!
          const typo = [...digits]
          typo[at] = String((Number(typo[at]) + 1 + (at % 9)) % 10)
          if (typo.join('') !== digits.join('')) {
            expect(parseCertificateNumber(`${typo.join('')}${check}`).ok).toBe(false)
          }
          const swapped = [...digits]
          ;[swapped[swapAt], swapped[swapAt + 1]] = [swapped[swapAt + 1]!, swapped[swapAt]!]
          if (swapped.join('') !== digits.join('')) {
            expect(parseCertificateNumber(`${swapped.join('')}${check}`).ok).toBe(false)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('certificate records', () => {
  it('should mask people, keeping the first and (from three characters) the last', () => {
    expect(maskPersonName('张三')).toBe('张＊')
    expect(maskPersonName('李小明')).toBe('李＊明')
    expect(maskPersonName('欧阳小娜')).toBe('欧＊＊娜')
    expect(maskPersonName('王')).toBe('王')
    expect(maskPersonName('Ada Lovelace')).toBe('A** L******')
  })

  it('should sign the same bytes whatever order the record was written in', () => {
    const record: CertificateRecord = {
      v: 1,
      number: formatCertificateNumber(2021, 1),
      kind: 'award',
      holder: { names: ['李＊明'], institution: '南屏县医疗集团' },
      award: '最佳价值案例',
      work: { number: '2021-YGA0001', title: '健康小屋' },
      campaign: { slug: 'yigongti-2021', title: '医共体', year: 2021 },
      issuedOn: '2021-05-20',
      snapshot: { sequence: 1, sha256: 'ab'.repeat(32) },
      keyId: '0123456789abcdef',
    }
    const shuffled = Object.fromEntries(Object.entries(record).reverse()) as CertificateRecord
    expect(certificateMessage(shuffled)).toBe(certificateMessage(record))
    expect(certificateMessage(record).startsWith('exemplar-certificate-v1\n{"award":')).toBe(true)
  })
})
