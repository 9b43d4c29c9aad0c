/**
 * The account page island (components/account/AccountPanel.astro): reads
 * `GET /api/participants/me` same-origin and fills the page; a verified
 * institution adds doctors (form upload, then `POST /api/doctor-profiles`);
 * 我的证书 is read after, by ./certificates.
 */
import {
  checkDoctor,
  DOCTOR_CAP,
  DOCTOR_TITLES,
  doctorSlots,
  label,
  loginHref,
  normalizeCode,
  RECOMMENDATION_MAX_BYTES,
  RECOMMENDATION_TYPES,
  VERIFICATION_LABELS,
  type MeResponse,
} from '../../lib/account'
import { clearErrors, clearErrorsOnInput, showErrors, type FieldError } from '../../lib/forms'
import { getJson, postJson } from '../../lib/http'
import { formatDate, formatDateTime } from '../../lib/format'
import { localeFromLang, type Locale } from '../../i18n'
import { loadCertificates } from './certificates'
import { rememberSignedIn, signOut } from './session'
import { ta, type AccountKey } from '../../i18n/account'
import { uploadMedia } from './upload'

const locale = (): Locale => localeFromLang(document.documentElement.lang)

const $ = <T extends HTMLElement = HTMLElement>(root: ParentNode, hook: string) =>
  root.querySelector<T>(`[${hook}]`)

function setText(root: ParentNode, hook: string, text: string): void {
  const el = $(root, hook)
  if (el) {
    el.textContent = text
  }
}

function show(root: ParentNode, hook: string, visible: boolean): void {
  const el = $(root, hook)
  if (el) {
    el.hidden = !visible
  }
}

export function initAccount(): void {
  const root = document.querySelector<HTMLElement>('[data-account]')
  if (!root || root.dataset.ready) {
    return
  }
  root.dataset.ready = 'true'
  $(root, 'data-logout')?.addEventListener('click', () => {
    void signOut().finally(() => location.assign(root.dataset.homePath ?? '/'))
  })
  initDoctorForm(root)
  void load(root)
}

async function load(root: HTMLElement): Promise<void> {
  let result
  try {
    result = await getJson<MeResponse>('/api/participants/me')
  } catch {
    setText(root, 'data-account-loading', ta(locale(), 'network'))
    return
  }
  show(root, 'data-account-loading', false)
  if (result.status === 401 || result.status === 403 || !result.data) {
    rememberSignedIn(false)
    const link = $<HTMLAnchorElement>(root, 'data-login-link')
    if (link) {
      link.href = loginHref(root.dataset.loginPath ?? '/login', root.dataset.here ?? '/account')
    }
    show(root, 'data-account-signed-out', true)
    return
  }
  rememberSignedIn(true)
  render(root, result.data)
  // Only a signed-in account has certificates to ask for; its own read, so a failure stays in its section.
  void loadCertificates(root)
}

function roleLabel(role: string): string {
  const key = `role.${role}` as AccountKey
  return ta(locale(), key)
}

function render(root: HTMLElement, me: MeResponse): void {
  const lang = locale()
  show(root, 'data-account-main', true)
  setText(root, 'data-me-email', me.user.email)
  setText(root, 'data-me-name', me.user.name)
  setText(root, 'data-me-role', roleLabel(me.user.role))

  const org = me.organization
  show(root, 'data-org-section', Boolean(org))
  show(root, 'data-doctors-section', Boolean(org))
  if (org) {
    setText(root, 'data-org-name', org.name)
    const badge = $(root, 'data-org-verification')
    if (badge) {
      badge.textContent = label(VERIFICATION_LABELS, org.verification, lang)
      badge.dataset.state = org.verification
    }
    const hasNote = Boolean(org.verificationNote)
    show(root, 'data-org-note-label', hasNote)
    show(root, 'data-org-note', hasNote)
    setText(root, 'data-org-note', org.verificationNote ?? '')
    setText(
      root,
      'data-org-text',
      org.verification === 'pending'
        ? ta(lang, 'me.pendingText')
        : org.verification === 'rejected'
          ? ta(lang, 'me.rejectedText')
          : '',
    )
    renderDoctors(root, me, org.id, org.verification === 'verified')
  }

  show(root, 'data-author-section', Boolean(me.author))
  if (me.author) {
    const facts = $(root, 'data-author-facts')
    const rows: [AccountKey, string | null | undefined][] = [
      ['author.name', me.author.name],
      ['author.email', me.author.email],
      ['author.mobile', me.author.mobile],
      ['author.address', me.author.address],
      ['author.postcode', me.author.postcode],
      ['author.source', me.author.informationSource],
    ]
    facts?.replaceChildren(
      ...rows.flatMap(([key, value]) => {
        const dt = document.createElement('dt')
        dt.textContent = ta(lang, key)
        const dd = document.createElement('dd')
        dd.textContent = value ?? ''
        return [dt, dd]
      }),
    )
  }

  show(root, 'data-partner-section', Boolean(me.partner))
  if (me.partner) {
    setText(root, 'data-partner-name', me.partner.outletName)
    const badge = $(root, 'data-partner-verification')
    if (badge) {
      badge.textContent = label(VERIFICATION_LABELS, me.partner.verification, lang)
      badge.dataset.state = me.partner.verification
    }
    const hasNote = Boolean(me.partner.verificationNote)
    show(root, 'data-partner-note-label', hasNote)
    show(root, 'data-partner-note', hasNote)
    setText(root, 'data-partner-note', me.partner.verificationNote ?? '')
  }

  renderPledges(root, me)
}

function renderDoctors(root: HTMLElement, me: MeResponse, orgId: number, verified: boolean): void {
  const lang = locale()
  const { used, left } = doctorSlots(me.doctors)
  setText(root, 'data-doctor-count', ta(lang, 'me.doctorCount', { n: used, cap: DOCTOR_CAP }))
  show(root, 'data-doctors-empty', used === 0)
  show(root, 'data-doctor-table', used > 0)
  $(root, 'data-doctor-rows')?.replaceChildren(
    ...me.doctors.map((d) => {
      const tr = document.createElement('tr')
      tr.dataset.doctor = String(d.id)
      tr.dataset.testid = 'doctor-row'
      const cells = [
        d.name,
        d.department,
        label(DOCTOR_TITLES, d.title, lang),
        label(VERIFICATION_LABELS, d.verification, lang) +
          (d.verificationNote ? `（${d.verificationNote}）` : ''),
        d.verification === 'pending' && d.verificationDueAt
          ? formatDate(d.verificationDueAt, lang)
          : '',
      ]
      tr.append(
        ...cells.map((text) => {
          const td = document.createElement('td')
          td.textContent = text
          return td
        }),
      )
      return tr
    }),
  )
  show(root, 'data-doctors-unverified', !verified)
  show(root, 'data-doctors-full', verified && left === 0)
  const form = $<HTMLFormElement>(root, 'data-doctor-form')
  if (form) {
    form.hidden = !verified || left === 0
    form.dataset.organization = String(orgId)
  }
}

function renderPledges(root: HTMLElement, me: MeResponse): void {
  const lang = locale()
  const canSign = Boolean(me.organization)
  show(root, 'data-pledges-section', canSign)
  if (!canSign) {
    return
  }
  let titles: Record<string, { title: string; href: string }> = {}
  try {
    titles = JSON.parse($(root, 'data-campaign-titles')?.textContent ?? '{}') as typeof titles
  } catch {
    titles = {}
  }
  const doctors = new Map(me.doctors.map((d) => [d.id, d.name]))
  show(root, 'data-pledges-empty', me.pledges.length === 0)
  $(root, 'data-pledge-list')?.replaceChildren(
    ...me.pledges.map((p) => {
      const li = document.createElement('li')
      const campaign = titles[String(p.campaign)]
      if (campaign) {
        const a = document.createElement('a')
        a.href = campaign.href
        a.textContent = campaign.title
        li.append(a, ' — ')
      }
      const signer = p.doctor ? (doctors.get(p.doctor) ?? '') : (me.organization?.name ?? '')
      li.append(
        ta(lang, 'me.pledgeBy', {
          signer,
          date: p.signedAt ? formatDateTime(p.signedAt, lang) : '',
        }),
      )
      return li
    }),
  )
}

function initDoctorForm(root: HTMLElement): void {
  const form = $<HTMLFormElement>(root, 'data-doctor-form')
  if (!form) {
    return
  }
  clearErrorsOnInput(form)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void addDoctor(root, form)
  })
}

const value = (form: HTMLFormElement, name: string) =>
  ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim()

/** The server names doctor fields bare (`title`); the form's inputs carry the `doctor.` prefix. */
const prefixed = (errors: readonly { field?: string; message: string }[]): FieldError[] =>
  errors.map((e) => ({ ...e, field: e.field ? `doctor.${e.field}` : '' }))

async function addDoctor(root: HTMLElement, form: HTMLFormElement): Promise<void> {
  const lang = locale()
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  if (button?.getAttribute('aria-disabled') === 'true') {
    return
  }
  const status = $(form, 'data-form-status')
  const progress = $<HTMLProgressElement>(form, 'data-upload-progress')
  const say = (text: string) => {
    if (status) {
      status.textContent = text
    }
  }
  const doctor = {
    name: value(form, 'doctor.name'),
    department: value(form, 'doctor.department'),
    title: value(form, 'doctor.title'),
    mobile: value(form, 'doctor.mobile'),
    practiceCertificateCode: normalizeCode(value(form, 'doctor.practiceCertificateCode')),
    qualificationCertificateCode: normalizeCode(value(form, 'doctor.qualificationCertificateCode')),
  }
  const file = (form.elements.namedItem('doctor.recommendationForm') as HTMLInputElement | null)
    ?.files?.[0]
  const problems: FieldError[] = checkDoctor(doctor, Boolean(file))
  if (file && !(RECOMMENDATION_TYPES as readonly string[]).includes(file.type)) {
    problems.push({ field: 'recommendationForm', message: ta(lang, 'doctor.formType') })
  } else if (file && file.size > RECOMMENDATION_MAX_BYTES) {
    problems.push({ field: 'recommendationForm', message: ta(lang, 'doctor.formSize') })
  }
  if (problems.length > 0 || !file) {
    showErrors(form, prefixed(problems), ta(lang, 'summary'))
    return
  }
  clearErrors(form)
  button?.setAttribute('aria-disabled', 'true')
  form.setAttribute('aria-busy', 'true')
  try {
    if (progress) {
      progress.hidden = false
      progress.value = 0
    }
    say(ta(lang, 'doctor.uploading', { percent: 0 }))
    const upload = await uploadMedia(file, `${doctor.name} 推荐表`, (percent) => {
      if (progress) {
        progress.value = percent
      }
      say(ta(lang, 'doctor.uploading', { percent }))
    })
    if (!upload.ok) {
      say('')
      const errors = upload.errors.map((e) => ({ ...e, field: 'recommendationForm' }))
      showErrors(
        form,
        prefixed(
          errors.length > 0
            ? errors
            : [{ field: 'recommendationForm', message: ta(lang, 'failed') }],
        ),
        ta(lang, 'summary'),
      )
      return
    }
    const result = await postJson('/api/doctor-profiles', {
      ...doctor,
      organization: Number(form.dataset.organization),
      recommendationForm: upload.id,
    })
    if (!result.ok) {
      say('')
      showErrors(
        form,
        prefixed(
          result.errors.length > 0 ? result.errors : [{ field: '', message: ta(lang, 'failed') }],
        ),
        ta(lang, 'summary'),
      )
      return
    }
    form.reset()
    say(ta(lang, 'doctor.added', { name: doctor.name }))
    await load(root)
  } catch {
    say(ta(lang, 'network'))
  } finally {
    if (progress) {
      progress.hidden = true
    }
    button?.removeAttribute('aria-disabled')
    form.removeAttribute('aria-busy')
  }
}
