// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { loadCertificates } from './certificates'

/** The section's markup as AccountPanel.astro renders it, trimmed to the hooks the script reads. */
const PANEL = `
  <div data-account>
    <section data-certificates-section hidden data-testid="account-certificates">
      <p data-certificates-error hidden>failed</p>
      <p data-certificates-empty hidden data-testid="account-certificates-empty">none</p>
      <table data-certificate-table hidden><tbody data-certificate-rows></tbody></table>
    </section>
  </div>`

const record = {
  v: 1,
  number: '2021-000123-8',
  kind: 'award',
  holder: { names: ['李＊明'], institution: '南屏县医疗集团' },
  award: '最佳价值案例',
  work: { number: '2021-YGA0001', title: '<img src=x onerror=alert(1)>' },
  campaign: { slug: 'yigongti-2021', title: '医共体建设优秀案例', year: 2021 },
  issuedOn: '2021-05-20',
  snapshot: null,
  keyId: '0123456789abcdef',
}

const answer = (status: number, body: unknown) =>
  vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status })))

const root = () => document.querySelector<HTMLElement>('[data-account]')!
const section = () => document.querySelector<HTMLElement>('[data-testid="account-certificates"]')!

beforeEach(() => {
  document.documentElement.lang = 'zh-CN'
  document.body.innerHTML = PANEL
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('我的证书 on the account page', () => {
  it('should list each certificate with its links, as text', async () => {
    vi.stubGlobal(
      'fetch',
      answer(200, {
        docs: [
          {
            id: 4,
            number: record.number,
            kind: 'award',
            status: 'revoked',
            record,
            revokedAt: '2022-06-29T16:30:00Z',
          },
        ],
      }),
    )
    await loadCertificates(root())
    expect(section().hidden).toBe(false)
    const rows = section().querySelectorAll<HTMLElement>('[data-testid="account-certificate"]')
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row.dataset.number).toBe('2021-000123-8')
    expect(row.querySelector('[data-status]')?.textContent).toBe('已撤销')
    expect(
      row.querySelector('a[data-testid="account-certificate-link"]')?.getAttribute('href'),
    ).toBe('/certificates/2021-000123-8')
    const pdf = row.querySelector('a[data-testid="account-certificate-pdf"]')
    expect(pdf?.getAttribute('href')).toBe('/certificates/2021-000123-8.pdf')
    expect(pdf?.textContent).toBe('下载 PDF')
    expect(row.querySelector('img')).toBeNull()
    expect(row.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(row.textContent).toContain('2021年5月20日')
    expect(row.textContent).toContain('撤销于 2022年6月30日')
  })

  it('should say so when there are none', async () => {
    vi.stubGlobal('fetch', answer(200, { docs: [] }))
    await loadCertificates(root())
    expect(section().hidden).toBe(false)
    expect(section().querySelector<HTMLElement>('[data-certificates-empty]')?.hidden).toBe(false)
    expect(section().querySelector<HTMLElement>('[data-certificate-table]')?.hidden).toBe(true)
  })

  it('should show the short error, not throw, when the read fails', async () => {
    vi.stubGlobal('fetch', answer(500, { errors: [{ message: 'boom' }] }))
    await loadCertificates(root())
    expect(section().hidden).toBe(false)
    expect(section().querySelector<HTMLElement>('[data-certificates-error]')?.hidden).toBe(false)
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    )
    await expect(loadCertificates(root())).resolves.toBeUndefined()
    expect(section().querySelector<HTMLElement>('[data-certificates-error]')?.hidden).toBe(false)
    expect(section().querySelector<HTMLElement>('[data-certificates-empty]')?.hidden).toBe(true)
  })
})
