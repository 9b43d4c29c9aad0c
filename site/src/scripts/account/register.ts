/**
 * The registration forms (institution, author, media partner): repeatable
 * rows, the instant name-vs-licence check, checks before sending, then
 * `POST /api/participants/register` and word to open the mailed link. Errors
 * from either side appear next to their inputs and in the summary.
 */
import { checkRegistration, namesMatch } from '../../lib/account'
import { clearErrors, clearErrorsOnInput, serializeForm, showErrors } from '../../lib/forms'
import { postJson } from '../../lib/http'
import { localeFromLang } from '../../i18n'
import { dropBlankRows, initRepeats } from './rows'
import { ta } from '../../i18n/account'

const locale = () => localeFromLang(document.documentElement.lang)

export function initRegisterForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-register-form]')) {
    if (form.dataset.ready) {
      continue
    }
    form.dataset.ready = 'true'
    initRepeats(form)
    initNameCheck(form)
    clearErrorsOnInput(form)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void register(form)
    })
  }
}

function initNameCheck(form: HTMLFormElement): void {
  const name = form.elements.namedItem('institution.name') as HTMLInputElement | null
  const licence = form.elements.namedItem('institution.licenceName') as HTMLInputElement | null
  const out = form.querySelector<HTMLElement>('[data-name-check]')
  if (!name || !licence || !out) {
    return
  }
  const check = () => {
    if (!name.value.trim() || !licence.value.trim()) {
      out.textContent = ''
      out.dataset.state = ''
      return
    }
    const ok = namesMatch(name.value, licence.value)
    out.textContent = ta(locale(), ok ? 'inst.match' : 'inst.mismatch')
    out.dataset.state = ok ? 'match' : 'mismatch'
  }
  name.addEventListener('input', check)
  licence.addEventListener('input', check)
  check()
}

async function register(form: HTMLFormElement): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const status = form.querySelector('[data-form-status]')
  const say = (text: string) => {
    if (status) {
      status.textContent = text
    }
  }
  if (button?.getAttribute('aria-disabled') === 'true') {
    return
  }
  dropBlankRows(form)
  const entries = [...new FormData(form).entries()].flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[k, v]] : [],
  )
  const body: Record<string, unknown> = {
    kind: form.dataset.registerForm ?? '',
    ...serializeForm(entries, { booleans: ['agreement'], lists: ['partner.modes'] }),
  }
  const problems = checkRegistration(body)
  if (problems.length > 0) {
    showErrors(form, problems, ta(locale(), 'summary'))
    return
  }
  clearErrors(form)
  button?.setAttribute('aria-disabled', 'true')
  form.setAttribute('aria-busy', 'true')
  say(ta(locale(), 'sending'))
  try {
    const result = await postJson('/api/participants/register', body)
    if (!result.ok) {
      say('')
      showErrors(
        form,
        result.errors.length > 0 ? result.errors : [{ field: '', message: ta(locale(), 'failed') }],
        ta(locale(), 'summary'),
      )
      return
    }
    // The same answer whether the address is new or known: the mailbox tells which.
    const account = body.account as { email?: string } | undefined
    say(ta(locale(), 'register.checkEmail').replace('{email}', account?.email ?? ''))
    form.reset()
  } catch {
    say(ta(locale(), 'network'))
  } finally {
    button?.removeAttribute('aria-disabled')
    form.removeAttribute('aria-busy')
  }
}
