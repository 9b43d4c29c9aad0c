import type { DoctorProfile } from '@exemplar/cms/payload-types'
import { describe, expect, it } from 'vitest'

import {
  checkDoctor,
  checkRegistration,
  doctorSlots,
  hostnameOf,
  isHostname,
  isLandline,
  isMobile,
  isPostcode,
  isQualificationCode,
  loginHref,
  namesMatch,
  normalizeCode,
  normalizeInstitutionName,
  pledgeState,
  safeNext,
  type MeResponse,
} from './account'

describe('institution names', () => {
  it('should treat full-width brackets, spaces and Latin case as the same name', () => {
    expect(
      namesMatch('首都医科大学附属北京天坛医院（北院区）', '首都医科大学附属北京天坛医院(北院区)'),
    ).toBe(true)
    expect(namesMatch('北京 协和 医院', '北京协和医院')).toBe(true)
    expect(namesMatch('ＡＢＣ Hospital', 'abc hospital')).toBe(true)
    expect(normalizeInstitutionName('  中国 CDC  （总部） ')).toBe('中国cdc(总部)')
  })

  it('should refuse different or empty names', () => {
    expect(namesMatch('北京协和医院', '北京协和医学院')).toBe(false)
    expect(namesMatch('', '')).toBe(false)
    expect(namesMatch('ABC Hospital', 'ABCHospital')).toBe(false)
  })
})

describe('contact checks', () => {
  it('should accept mainland mobiles only', () => {
    expect(isMobile('13810156833')).toBe(true)
    expect(isMobile('12810156833')).toBe(false)
    expect(isMobile('1381015683')).toBe(false)
  })

  it('should accept six-digit postcodes only', () => {
    expect(isPostcode('100730')).toBe(true)
    expect(isPostcode('10073')).toBe(false)
    expect(isPostcode('10073a')).toBe(false)
  })

  it('should want an area code on landlines', () => {
    expect(isLandline('010-64265301')).toBe(true)
    expect(isLandline('0514-87978807')).toBe(true)
    expect(isLandline('64265301')).toBe(false)
  })

  it('should accept bare hostnames and suggest one for a pasted address', () => {
    expect(isHostname('news.example.org')).toBe(true)
    expect(isHostname('https://news.example.org')).toBe(false)
    expect(isHostname('10.0.0.1')).toBe(false)
    expect(isHostname('localhost')).toBe(false)
    expect(hostnameOf('https://News.Example.org:8443/path')).toBe('news.example.org')
  })

  it('should normalize certificate codes before checking them', () => {
    expect(normalizeCode(' 1101-1000 0000 001x ')).toBe('110110000000001X')
    expect(isQualificationCode('2004110110000000110101198001011234')).toBe(false)
    expect(isQualificationCode('200411011010101198001011234')).toBe(true)
    expect(isQualificationCode('X00411011010101')).toBe(false)
  })
})

const institution = {
  kind: 'institution',
  agreement: true,
  account: { email: 'a@example.org', password: 'longenough', name: '张三', phone: '' },
  institution: {
    name: '北京协和医院',
    licenceName: '北京协和医院',
    type: 'medical',
    province: '北京市',
    campuses: [{ name: '东单院区' }, { name: '' }],
  },
}

describe('checkRegistration', () => {
  it('should pass a complete institution', () => {
    expect(
      checkRegistration({
        ...institution,
        institution: { ...institution.institution, campuses: [] },
      }),
    ).toEqual([])
  })

  it('should name every failing field by its contract path', () => {
    const problems = checkRegistration({
      ...institution,
      agreement: false,
      account: { ...institution.account, password: 'short', phone: '123' },
      institution: { ...institution.institution, licenceName: '北京协和医学院' },
    })
    expect(problems.map((p) => p.field)).toEqual([
      'account.password',
      'account.phone',
      'agreement',
      'institution.licenceName',
      'institution.campuses.1.name',
    ])
    expect(problems[0]?.message).toContain('8')
  })

  it('should check the author form of seed 001', () => {
    const problems = checkRegistration({
      kind: 'author',
      agreement: true,
      account: institution.account,
      author: { name: '李四', mobile: '13800000000', address: '北京', postcode: '1000' },
    })
    expect(problems).toEqual([{ field: 'author.postcode', message: '邮编须为 6 位数字' }])
  })

  it('should want a participation mode, an explanation for other, and valid domains from partners', () => {
    const problems = checkRegistration({
      kind: 'partner',
      agreement: true,
      account: institution.account,
      partner: {
        outletName: '健康报',
        email: 'p@example.org',
        contactName: '王五',
        mobile: '13800000000',
        landline: '64265301',
        modes: ['other'],
        embedDomains: ['ok.example.org', 'http://bad.example.org/x'],
      },
    })
    expect(problems.map((p) => p.field)).toEqual([
      'partner.landline',
      'partner.otherMode',
      'partner.embedDomains.1',
    ])
    expect(
      checkRegistration({
        kind: 'partner',
        agreement: true,
        account: institution.account,
        partner: { modes: [] },
      }).map((p) => p.field),
    ).toContain('partner.modes')
  })
})

describe('checkDoctor', () => {
  const doctor = {
    name: '赵医生',
    department: '心内科',
    title: 'attending',
    mobile: '13800000000',
    practiceCertificateCode: '110110000000001',
    qualificationCertificateCode: '200411011010101198001011234',
  }

  it('should pass a complete doctor with a form', () => {
    expect(checkDoctor(doctor, true)).toEqual([])
  })

  it('should refuse residents, bad codes and a missing form', () => {
    const problems = checkDoctor(
      { ...doctor, title: 'resident', practiceCertificateCode: '1234' },
      false,
    )
    expect(problems.map((p) => p.field)).toEqual([
      'title',
      'practiceCertificateCode',
      'recommendationForm',
    ])
  })
})

describe('safeNext', () => {
  it('should keep paths on this site', () => {
    expect(safeNext('/campaigns/x#pledge-title')).toBe('/campaigns/x#pledge-title')
    expect(safeNext('/en/account')).toBe('/en/account')
  })

  it('should refuse other origins and API paths', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/api/users/me',
      '',
      null,
    ]) {
      expect(safeNext(next, '/account')).toBe('/account')
    }
  })

  it('should carry the return path in the login link', () => {
    expect(loginHref('/login', '/campaigns/a b')).toBe('/login?next=%2Fcampaigns%2Fa+b')
  })
})

const doctorProfile = (id: number, verification: DoctorProfile['verification']) =>
  ({ id, name: `医生${id}`, verification }) as DoctorProfile

const me = (over: Partial<MeResponse> = {}): MeResponse => ({
  user: { id: 1, email: 'a@example.org', name: '张三', role: 'participant', organization: 5 },
  organization: {
    id: 5,
    name: '北京协和医院',
    licenceName: '北京协和医院',
    type: 'medical',
    verification: 'verified',
    verificationNote: null,
  },
  doctors: [doctorProfile(7, 'verified'), doctorProfile(8, 'pending')],
  pledges: [],
  ...over,
})

describe('pledgeState', () => {
  it('should send signed-out readers to sign in', () => {
    expect(pledgeState(undefined, 1)).toEqual({ kind: 'signedOut' })
  })

  it('should not offer signing to authors and partners', () => {
    expect(pledgeState(me({ organization: undefined }), 1)).toEqual({ kind: 'notInstitution' })
  })

  it('should explain an unverified institution', () => {
    const state = pledgeState(
      me({
        organization: {
          ...me().organization!,
          verification: 'rejected',
          verificationNote: '执照模糊',
        },
      }),
      1,
    )
    expect(state).toEqual({ kind: 'unverified', verification: 'rejected', note: '执照模糊' })
  })

  it('should offer the institution and its verified doctors, marking who signed this campaign', () => {
    const state = pledgeState(
      me({
        pledges: [
          { id: 1, campaign: 1, doctor: null, signedAt: '2026-01-01T00:00:00Z' },
          { id: 2, campaign: 2, doctor: 7, signedAt: '2026-01-01T00:00:00Z' },
        ],
      }),
      1,
    )
    expect(state).toEqual({
      kind: 'ready',
      signers: [
        { name: '北京协和医院', signed: true },
        { doctor: 7, name: '医生7', signed: false },
      ],
    })
  })
})

describe('doctorSlots', () => {
  it('should count against the cap of 20 and never go below zero', () => {
    expect(doctorSlots(new Array(5).fill(0))).toEqual({ used: 5, left: 15 })
    expect(doctorSlots(new Array(21).fill(0))).toEqual({ used: 21, left: 0 })
  })
})
