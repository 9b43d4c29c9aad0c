/**
 * The objection form (components/results/ObjectionForm.astro): checks the
 * text, POSTs it same-origin as the signed-in account and says what came
 * back. A reader not signed in verifies an email address or mobile number
 * by a one-time code (the voting dialog) and the same text goes again
 * under that address, or follows the link to sign in and return. What the
 * answers mean lives in lib/objections.ts.
 */
import { localeFromLang } from '../i18n'
import { tr } from '../i18n/results'
import { NetworkError, postJson, problemsIn, type JsonReply } from '../lib/http'
import {
  evidenceProblem,
  objectionOutcome,
  objectionTextProblem,
  type ObjectionOutcome,
} from '../lib/objections'
import { voterDialog } from './voterDialog'

function say(form: HTMLFormElement, text: string, link?: { href: string; label: string }): void {
  const region = form.querySelector('[data-objection-message]')
  if (!region) {
    return
  }
  region.textContent = text
  if (link) {
    const a = document.createElement('a')
    a.href = link.href
    a.textContent = link.label
    region.append(' ', a)
  }
}

/**
 * Uploads one evidence file through the platform's own media route (the
 * server checks its type by its bytes, re-encodes images, and keeps it
 * private to its uploader and the committee); its id, or the reason it failed.
 */
async function uploadEvidence(
  file: File,
): Promise<{ id?: unknown; reason?: string; signedOut?: boolean }> {
  const body = new FormData()
  body.append('file', file)
  const res = await fetch('/api/media', { method: 'POST', credentials: 'same-origin', body })
  const parsed: unknown = await res.json().catch(() => undefined)
  if (res.ok) {
    return { id: (parsed as { doc?: { id?: unknown } } | undefined)?.doc?.id }
  }
  return {
    reason: problemsIn(parsed)[0]?.message ?? `HTTP ${res.status}`,
    signedOut: res.status === 401 || res.status === 403,
  }
}

/**
 * Signed out and without files: the reader proves an address by a code
 * and the same objection goes again under it. The first outcome stands
 * when they close the dialog.
 */
async function raiseByCode(
  send: (contact?: string) => Promise<JsonReply>,
  first: ObjectionOutcome,
  button: HTMLButtonElement,
  locale: ReturnType<typeof localeFromLang>,
): Promise<ObjectionOutcome> {
  const contact = await voterDialog('objection').verify(button)
  if (!contact) {
    return first
  }
  return objectionOutcome(await send(contact), locale, { byCode: true })
}

async function raise(form: HTMLFormElement): Promise<void> {
  const locale = localeFromLang(document.documentElement.lang)
  const entry = form.querySelector<HTMLSelectElement>('select[name="entry"]')
  const text = form.querySelector<HTMLTextAreaElement>('textarea[name="text"]')
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  if (!entry || !text || !button) {
    return
  }
  const problem = objectionTextProblem(text.value, locale)
  text.setAttribute('aria-invalid', problem ? 'true' : 'false')
  if (problem) {
    say(form, problem)
    text.focus()
    return
  }
  const picker = form.querySelector<HTMLInputElement>('input[name="evidence"]')
  const files = [...(picker?.files ?? [])]
  const fileProblem = evidenceProblem(files, locale)
  if (fileProblem) {
    say(form, fileProblem)
    picker?.focus()
    return
  }
  button.disabled = true
  try {
    const evidence: unknown[] = []
    for (const file of files) {
      say(form, tr(locale, 'objection.uploading', { name: file.name }))
      const uploaded = await uploadEvidence(file)
      if (uploaded.signedOut) {
        say(form, tr(locale, 'objection.evidenceSignIn'), {
          href: form.dataset.login ?? '/login',
          label: tr(locale, 'objection.signIn'),
        })
        return
      }
      if (uploaded.id === undefined) {
        say(
          form,
          tr(locale, 'objection.uploadFailed', { name: file.name, reason: uploaded.reason ?? '' }),
        )
        return
      }
      evidence.push(uploaded.id)
    }
    say(form, tr(locale, 'objection.sending'))
    const send = (contact?: string) =>
      postJson('/api/objections/raise', {
        entry: entry.value,
        text: text.value.trim(),
        ...(evidence.length > 0 ? { evidence } : {}),
        ...(contact ? { contact } : {}),
      })
    let outcome = objectionOutcome(await send(), locale)
    if (outcome.kind === 'signIn' && evidence.length === 0) {
      say(form, '')
      outcome = await raiseByCode(send, outcome, button, locale)
    }
    if (outcome.kind === 'signIn') {
      say(form, outcome.message, {
        href: form.dataset.login ?? '/login',
        label: tr(locale, 'objection.signIn'),
      })
    } else {
      say(form, outcome.message)
    }
    if (outcome.kind === 'raised') {
      text.value = ''
      if (picker) {
        picker.value = ''
      }
    } else if (outcome.kind === 'refused' && outcome.field === 'text') {
      text.setAttribute('aria-invalid', 'true')
      text.focus()
    }
  } catch (error) {
    say(form, error instanceof NetworkError ? error.message : tr(locale, 'objection.network'))
  } finally {
    button.disabled = false
  }
}

export function initObjectionForms(root: ParentNode = document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('[data-objection-form]')) {
    if (form.dataset.objectionReady) {
      continue
    }
    form.dataset.objectionReady = 'true'
    form.hidden = false
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void raise(form)
    })
  }
}
