import type { CertificateRecord } from '@exemplar/domain'
import { describe, expect, it } from 'vitest'

import { myCertificateRow, myCertificateRows, type MyCertificate } from './myCertificates'

const record: CertificateRecord = {
  v: 1,
  number: '2021-000123-8',
  kind: 'award',
  holder: { names: ['李＊明'], institution: '南屏县医疗集团' },
  award: '最佳价值案例',
  work: { number: '2021-YGA0001', title: '健康小屋' },
  campaign: { slug: 'yigongti-2021', title: '医共体建设优秀案例', year: 2021 },
  issuedOn: '2021-05-20',
  snapshot: null,
  keyId: '0123456789abcdef',
}

const mine = (over: Partial<MyCertificate> = {}): MyCertificate => ({
  id: 4,
  number: record.number,
  kind: 'award',
  status: 'valid',
  issuedAt: '2021-05-20T02:00:00.000Z',
  record,
  revokedAt: null,
  revokedReason: null,
  ...over,
})

describe('a row of 我的证书', () => {
  it('should show the record’s award, campaign, work and Beijing day with the status label', () => {
    expect(myCertificateRow(mine(), 'zh')).toEqual({
      number: '2021-000123-8',
      status: 'valid',
      statusLabel: '有效',
      revokedOn: null,
      kindLabel: '获奖证书',
      award: '最佳价值案例',
      campaign: '医共体建设优秀案例',
      work: '健康小屋',
      issuedOn: { iso: '2021-05-20', text: '2021年5月20日' },
      href: '/certificates/2021-000123-8',
      pdfHref: '/certificates/2021-000123-8.pdf',
    })
  })

  it('should link the English page under /en and keep one PDF address', () => {
    const row = myCertificateRow(mine(), 'en')
    expect(row).toMatchObject({
      statusLabel: 'Valid',
      kindLabel: 'Award certificate',
      issuedOn: { text: '20 May 2021' },
      href: '/en/certificates/2021-000123-8',
      pdfHref: '/certificates/2021-000123-8.pdf',
    })
  })

  it('should mark a revocation with its day in Beijing', () => {
    const row = myCertificateRow(
      mine({ status: 'revoked', revokedAt: '2022-06-29T16:30:00.000Z', revokedReason: 'other' }),
      'zh',
    )
    expect(row).toMatchObject({
      status: 'revoked',
      statusLabel: '已撤销',
      revokedOn: '2022年6月30日',
    })
    expect(myCertificateRow(mine({ status: 'revoked' }), 'zh').revokedOn).toBeNull()
  })

  it('should leave the work out of an institution’s certificate', () => {
    const row = myCertificateRow(
      mine({
        kind: 'organizer',
        record: { ...record, kind: 'organizer', award: '优秀组织机构', work: null },
      }),
      'zh',
    )
    expect(row).toMatchObject({ work: null, kindLabel: '优秀组织机构', award: '优秀组织机构' })
  })

  it('should keep a strange number inside /certificates/', () => {
    const row = myCertificateRow(mine({ number: '../../api/users' }), 'zh')
    expect(row.href).toBe('/certificates/..%2F..%2Fapi%2Fusers')
    expect(row.pdfHref).toBe('/certificates/..%2F..%2Fapi%2Fusers.pdf')
    expect(row.number).toBe('../../api/users')
  })
})

describe('the rows of an answer', () => {
  it('should keep the server’s order and skip a doc without a record', () => {
    const older = mine({
      id: 3,
      number: '2020-000007-5',
      record: { ...record, issuedOn: '2020-05-01' },
    })
    const rows = myCertificateRows({ docs: [mine(), { id: 9, number: 'x' }, older] }, 'zh')
    expect(rows?.map((r) => r.number)).toEqual(['2021-000123-8', '2020-000007-5'])
  })

  it('should answer an empty list for no certificates and null for a body that is not the list', () => {
    expect(myCertificateRows({ docs: [] }, 'zh')).toEqual([])
    expect(myCertificateRows(undefined, 'zh')).toBeNull()
    expect(myCertificateRows({ errors: [] }, 'zh')).toBeNull()
  })
})
