/**
 * 我的证书 on the account page (components/account/AccountPanel.astro):
 * reads `GET /api/certificates/mine` once the account is known to be signed
 * in and fills the section's table. A failed read says so in the section;
 * the rest of the page is already drawn and stays as it is.
 */
import { getJson } from '../../lib/http'
import { myCertificateRows, type MyCertificateRow } from '../../lib/myCertificates'
import { localeFromLang, type Locale } from '../../i18n'
import { ta } from '../../i18n/account'

const locale = (): Locale => localeFromLang(document.documentElement.lang)

function cell(...content: (Node | string)[]): HTMLTableCellElement {
  const td = document.createElement('td')
  td.append(...content)
  return td
}

function link(href: string, text: string, testid: string): HTMLAnchorElement {
  const a = document.createElement('a')
  a.href = href
  a.textContent = text
  a.dataset.testid = testid
  return a
}

function muted(text: string): HTMLElement {
  const small = document.createElement('small')
  small.className = 'muted'
  small.textContent = text
  return small
}

function row(c: MyCertificateRow, lang: Locale): HTMLTableRowElement {
  const tr = document.createElement('tr')
  tr.dataset.testid = 'account-certificate'
  tr.dataset.number = c.number
  tr.dataset.status = c.status

  const code = document.createElement('code')
  code.textContent = c.number
  const page = link(c.href, '', 'account-certificate-link')
  page.append(code)

  // The kind says what an award name alone may not (an institution's certificate, a media one).
  const award =
    c.kindLabel && c.kindLabel !== c.award
      ? cell(c.award, document.createElement('br'), muted(c.kindLabel))
      : cell(c.award)

  const issued = document.createElement('time')
  issued.dateTime = c.issuedOn.iso
  issued.textContent = c.issuedOn.text

  const badge = document.createElement('span')
  badge.className = c.status === 'revoked' ? 'badge badge--revoked' : 'badge'
  badge.dataset.status = c.status
  badge.dataset.testid = 'account-certificate-status'
  badge.textContent = c.statusLabel
  const status = c.revokedOn
    ? cell(
        badge,
        document.createElement('br'),
        muted(ta(lang, 'me.certificateRevokedOn', { date: c.revokedOn })),
      )
    : cell(badge)

  const pdf = link(c.pdfHref, ta(lang, 'me.certificatePdf'), 'account-certificate-pdf')
  pdf.type = 'application/pdf'

  tr.append(
    cell(page),
    award,
    cell(c.campaign),
    cell(c.work ?? '—'),
    cell(issued),
    status,
    cell(pdf),
  )
  return tr
}

function show(section: HTMLElement, hook: string, visible: boolean): void {
  const el = section.querySelector<HTMLElement>(`[${hook}]`)
  if (el) {
    el.hidden = !visible
  }
}

export async function loadCertificates(root: HTMLElement): Promise<void> {
  const section = root.querySelector<HTMLElement>('[data-certificates-section]')
  if (!section) {
    return
  }
  const lang = locale()
  let rows: MyCertificateRow[] | null
  try {
    const result = await getJson('/api/certificates/mine')
    rows = result.ok ? myCertificateRows(result.data, lang) : null
  } catch {
    // No answer at all: the same short line as a refusal; the page around it stays.
    rows = null
  }
  show(section, 'data-certificates-error', rows === null)
  show(section, 'data-certificates-empty', rows?.length === 0)
  show(section, 'data-certificate-table', Boolean(rows && rows.length > 0))
  section
    .querySelector('[data-certificate-rows]')
    ?.replaceChildren(...(rows ?? []).map((c) => row(c, lang)))
  section.hidden = false
}
