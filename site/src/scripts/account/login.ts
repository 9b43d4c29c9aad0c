/** The sign-in form (pages/login.astro). */
import { clearErrors, clearErrorsOnInput, showErrors, type FieldError } from '../../lib/forms'
import { postJson } from '../../lib/http'
import { localeFromLang } from '../../i18n'
import { afterSignIn, signIn } from './session'
import { ta } from '../../i18n/account'

export function initLoginForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-login-form]')
  if (!form || form.dataset.ready) {
    return
  }
  form.dataset.ready = 'true'
  clearErrorsOnInput(form)
  const locale = localeFromLang(document.documentElement.lang)
  const status = form.querySelector('[data-form-status]')
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  void confirmRegistration(form, locale, status)

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (button?.getAttribute('aria-disabled') === 'true') {
      return
    }
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim()
    const password = (form.elements.namedItem('password') as HTMLInputElement).value
    const missing: FieldError[] = []
    if (!email) {
      missing.push({ field: 'email', message: '请填写邮箱' })
    }
    if (!password) {
      missing.push({ field: 'password', message: '请填写密码' })
    }
    if (missing.length > 0) {
      showErrors(form, missing, ta(locale, 'summary'))
      return
    }
    clearErrors(form)
    button?.setAttribute('aria-disabled', 'true')
    if (status) {
      status.textContent = ta(locale, 'sending')
    }
    void signIn(email, password)
      .then((result) => {
        if (result.ok) {
          location.assign(afterSignIn(form.dataset.accountPath ?? '/account'))
          return
        }
        if (status) {
          status.textContent = ''
        }
        // Payload answers in English; the reader gets the Chinese reason.
        const message =
          result.status === 401 || result.status === 400
            ? ta(locale, 'login.wrong')
            : result.status === 423 || result.status === 429
              ? ta(locale, 'login.locked')
              : (result.errors[0]?.message ?? ta(locale, 'failed'))
        showErrors(form, [{ field: '', message }], ta(locale, 'summary'))
      })
      .catch(() => {
        if (status) {
          status.textContent = ta(locale, 'network')
        }
      })
      .finally(() => button?.removeAttribute('aria-disabled'))
  })
}

/** `/login?confirm=<token>`, the link registration mailed: confirm, then sign in as usual. */
async function confirmRegistration(
  form: HTMLFormElement,
  locale: ReturnType<typeof localeFromLang>,
  status: Element | null,
): Promise<void> {
  const url = new URL(location.href)
  const token = url.searchParams.get('confirm')
  if (!token) {
    return
  }
  url.searchParams.delete('confirm')
  history.replaceState(null, '', url)
  if (status) {
    status.textContent = ta(locale, 'login.confirming')
  }
  try {
    const result = await postJson<{ email?: string }>('/api/participants/confirm', { token })
    if (status) {
      status.textContent = result.ok ? ta(locale, 'login.confirmed') : ''
    }
    if (!result.ok) {
      showErrors(form, result.errors, ta(locale, 'summary'))
      return
    }
    const email = form.elements.namedItem('email') as HTMLInputElement | null
    if (email && result.data?.email) {
      email.value = result.data.email
    }
  } catch {
    if (status) {
      status.textContent = ta(locale, 'network')
    }
  }
}
