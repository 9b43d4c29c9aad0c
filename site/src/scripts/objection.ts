/**
 * The objection form (components/results/ObjectionForm.astro): checks the
 * text, POSTs it same-origin as the signed-in account and says what came
 * back; a reader not signed in is sent a link to sign in and return. What
 * the answers mean lives in lib/objections.ts.
 */
import { localeFromLang } from '../i18n'
import { tr } from '../i18n/results'
import { NetworkError, postJson, problemsIn } from '../lib/http'
import { evidenceProblem, objectionOutcome, objectionTextProblem } from '../lib/objections'

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
async function uploadEvidence(file: File): Promise<{ id?: unknown; reason?: string }> {
  const body = new FormData()
  body.append('file', file)
  const res = await fetch('/api/media', { method: 'POST', credentials: 'same-origin', body })
  const parsed: unknown = await res.json().catch(() => undefined)
  if (res.ok) {
    return { id: (parsed as { doc?: { id?: unknown } } | undefined)?.doc?.id }
  }
  return { reason: problemsIn(parsed)[0]?.message ?? `HTTP ${res.status}` }
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
    const reply = await postJson('/api/objections/raise', {
      entry: entry.value,
      text: text.value.trim(),
      ...(evidence.length > 0 ? { evidence } : {}),
    })
    const outcome = objectionOutcome(reply, locale)
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
