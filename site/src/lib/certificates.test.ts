import { createHash, generateKeyPairSync, sign } from 'node:crypto'

import {
  certificateMessage,
  formatCertificateNumber,
  type CertificateRecord,
} from '@exemplar/domain'
import { describe, expect, it } from 'vitest'

import type { Certificate, SigningKey } from '../cms'
import {
  certificatePath,
  certificateUrl,
  certificateView,
  checkSignature,
  lookup,
  numberParam,
  qrSvg,
  revokedLine,
} from './certificates'

const number = formatCertificateNumber(2021, 123)

const { publicKey, privateKey } = generateKeyPairSync('ed25519')
const raw = publicKey.export({ format: 'jwk' }).x!
const keyId = createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 16)
const key: SigningKey = {
  algorithm: 'Ed25519',
  keyId,
  publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  publicKeyRaw: Buffer.from(raw, 'base64url').toString('base64'),
}

const record: CertificateRecord = {
  v: 1,
  number,
  kind: 'award',
  holder: { names: ['李＊明', '张＊'], institution: '南屏县医疗集团' },
  award: '最佳价值案例',
  work: { number: '2021-YGA0001', title: '健康小屋' },
  campaign: { slug: 'yigongti-2021', title: '医共体建设优秀案例', year: 2021 },
  issuedOn: '2021-05-20',
  snapshot: { sequence: 2, sha256: 'ab'.repeat(32) },
  keyId,
}

const issued = (over: Partial<Certificate> = {}): Certificate => ({
  id: 1,
  number,
  year: 2021,
  serial: 123,
  kind: 'award',
  status: 'valid',
  campaign: 3,
  issuedAt: '2021-05-20T02:00:00.000Z',
  createdAt: '2021-05-20T02:00:00.000Z',
  updatedAt: '2021-05-20T02:00:00.000Z',
  record,
  signature: sign(null, Buffer.from(certificateMessage(record)), privateKey).toString('base64'),
  keyId,
  ...over,
})

describe('the number in the address', () => {
  it('should take the canonical form as it is and mark another spelling for a redirect', () => {
    expect(numberParam(number)).toEqual({ ok: true, number, canonical: true })
    expect(numberParam(number.replace(/-/g, '').toLowerCase())).toEqual({
      ok: true,
      number,
      canonical: false,
    })
  })

  it('should tell a mistyped number (check character) from a malformed one, in Chinese', () => {
    const typo = `${number.slice(0, -1)}${number.endsWith('1') ? '2' : '1'}`
    const wrong = numberParam(typo)
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.message).toContain('校验位')
    const malformed = numberParam('abc')
    expect(!malformed.ok && malformed.message).toContain('例如')
    expect(numberParam(undefined).ok).toBe(false)
  })
})

describe('the lookup form', () => {
  it('should send a valid number to its canonical page in the reader’s language', () => {
    const search = new URLSearchParams({ number: ` ${number.replace(/-/g, ' ')} ` })
    expect(lookup(search, 'zh')).toEqual({ kind: 'found', path: `/certificates/${number}` })
    expect(lookup(search, 'en')).toEqual({ kind: 'found', path: `/en/certificates/${number}` })
  })

  it('should keep a wrong number with its message, and ask nothing when empty', () => {
    expect(lookup(new URLSearchParams({ number: '2021-1' }), 'zh')).toMatchObject({
      kind: 'invalid',
      value: '2021-1',
    })
    expect(lookup(new URLSearchParams({ number: '  ' }), 'zh')).toEqual({ kind: 'empty' })
    expect(lookup(new URLSearchParams(), 'en')).toEqual({ kind: 'empty' })
  })
})

describe('the page’s addresses', () => {
  it('should put the locale prefix in the path and the public origin in the QR’s URL', () => {
    expect(certificatePath('en', number)).toBe(`/en/certificates/${number}`)
    expect(certificateUrl('zh', number, 'https://example.org')).toBe(
      `https://example.org/certificates/${number}`,
    )
  })

  it('should draw the URL as an inline SVG', async () => {
    const svg = await qrSvg(certificateUrl('zh', number, 'https://example.org'))
    expect(svg.trim().startsWith('<svg')).toBe(true)
    expect(svg).not.toContain('<script')
  })
})

describe('the certificate view', () => {
  it('should label kind and status and join the masked names', () => {
    const zh = certificateView(issued(), 'zh')
    expect(zh).toMatchObject({
      statusLabel: '有效',
      kindLabel: '获奖证书',
      holders: '李＊明、张＊',
      institution: '南屏县医疗集团',
      revoked: null,
      issuedOn: { iso: '2021-05-20', text: '2021年5月20日' },
      work: { number: '2021-YGA0001', href: '/entries/2021-YGA0001' },
      campaign: {
        href: '/campaigns/yigongti-2021',
        resultsHref: '/campaigns/yigongti-2021/results',
      },
    })
    const en = certificateView(issued(), 'en')
    expect(en).toMatchObject({ statusLabel: 'Valid', holders: '李＊明, 张＊' })
    expect(en.campaign.resultsHref).toBe('/en/campaigns/yigongti-2021/results')
  })

  it('should show a revocation with its day in Beijing and its reason class', () => {
    const view = certificateView(
      issued({
        status: 'revoked',
        revokedAt: '2021-06-01T17:00:00.000Z',
        revokedReason: '公示期间查实弄虚作假',
      }),
      'zh',
    )
    expect(view.statusLabel).toBe('已撤销')
    expect(view.revoked).toEqual({ date: '2021年6月2日', reason: '公示期间查实弄虚作假' })
    expect(revokedLine(view.revoked!, 'zh')).toBe(
      '已于 2021年6月2日撤销；撤销原因：公示期间查实弄虚作假',
    )
    expect(revokedLine({ date: null, reason: '公示期间查实弄虚作假' }, 'en')).toBe(
      'Reason: 公示期间查实弄虚作假',
    )
    expect(certificateView(issued({ status: 'revoked' }), 'en').revoked).toEqual({
      date: null,
      reason: null,
    })
  })

  it('should show exactly the signed text: the context line, then the sorted JSON', () => {
    const { message } = certificateView(issued(), 'zh')
    expect(message).toBe(certificateMessage(record))
    expect(message.startsWith('exemplar-certificate-v1\n{"award":"最佳价值案例","campaign":')).toBe(
      true,
    )
  })

  it('should leave out holders when an institution holds it alone', () => {
    const organizer = {
      ...record,
      kind: 'organizer' as const,
      holder: { names: [], institution: '某县卫健局' },
      work: null,
    }
    const view = certificateView(issued({ kind: 'organizer', record: organizer }), 'zh')
    expect(view).toMatchObject({ holders: null, work: null, kindLabel: '优秀组织机构' })
  })
})

describe('the site’s own signature check', () => {
  it('should pass a signed record and fail an edited one', () => {
    expect(checkSignature(issued(), key)).toBe('ok')
    const edited = { ...record, award: '特等奖' }
    expect(checkSignature(issued({ record: edited }), key)).toBe('bad')
    expect(checkSignature(issued({ signature: 'not base64!' }), key)).toBe('bad')
  })

  it('should not call a certificate of another key a failure', () => {
    expect(checkSignature(issued(), { ...key, keyId: 'ffffffffffffffff' })).toBe('otherKey')
  })
})
