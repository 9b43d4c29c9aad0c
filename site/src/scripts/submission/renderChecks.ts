/** The submission form's checks as the participant sees them: counters, the error summary, the review step. */
import { countChars, TITLE_MAX_LENGTH } from '@exemplar/plugin-submissions/rules'

import {
  channelField,
  errorsByField,
  inputIdCandidates,
  liveProblems,
  patchBody,
  stepOfField,
  CHANNELS,
  type FieldError,
  type Step,
} from '../../lib/submission'

import { tx } from '../../i18n/submission'
import { h } from './dom'
import type { SubmissionForm } from './form'
import { renderSteps } from './renderParts'

/** Character counts exactly as the server counts them; red past the limit. */
export function renderCounters(form: SubmissionForm): void {
  const r = form.track?.requirements ?? {}
  const counter = (id: string, n: number, max?: number | null, target?: number | null) => {
    const el = document.getElementById(id)
    if (!el) {
      return
    }
    el.textContent = max
      ? form.text('submit.charsOf', { n, max })
      : target
        ? form.text('submit.charsTarget', { n, target })
        : form.text('submit.chars', { n })
    el.classList.toggle('counter--over', Boolean(max && n > max))
  }
  counter('counter-title', form.state.title.trim().length, TITLE_MAX_LENGTH)
  counter(
    'counter-abstract',
    countChars(form.state.abstract),
    r.abstractMaxChars,
    r.abstractTargetChars,
  )
  let total = 0
  form.state.sections.forEach((section, i) => {
    const n = countChars(section.body)
    total += n
    counter(`counter-sections-${i}-body`, n)
  })
  const totalEl = form.el('field-body')
  totalEl.textContent = `${form.text('submit.bodyTotal')}：${
    r.bodyMaxChars
      ? form.text('submit.charsOf', { n: total, max: r.bodyMaxChars })
      : form.text('submit.chars', { n: total })
  }`
  totalEl.classList.toggle('counter--over', Boolean(r.bodyMaxChars && total > r.bodyMaxChars))
  form.state.attachments.forEach((a, i) => {
    counter(`counter-attachments-${i}-caption`, countChars(a.caption), r.captionMaxChars)
  })
}

export function currentErrors(form: SubmissionForm, complete: boolean): FieldError[] {
  const local = liveProblems(form.track, form.state, complete)
  const seen = new Set<string>()
  return [...form.submitErrors, ...local, ...(complete ? [] : form.saveProblems)].filter((e) => {
    const key = `${e.field}\u0000${e.message}`
    if (seen.has(key)) {
      return false
    }
    seen.add(key)
    return true
  })
}

/**
 * Errors next to their inputs and in the summary. While typing only what is
 * wrong already shows; the review step (and a refused submit) shows everything
 * the submit will ask for.
 */
export function renderErrors(form: SubmissionForm, focusSummary = false): void {
  for (const old of form.form.querySelectorAll('[data-field-error]')) {
    old.remove()
  }
  for (const invalid of form.form.querySelectorAll('[aria-invalid="true"]')) {
    invalid.removeAttribute('aria-invalid')
  }
  const errors = currentErrors(form, form.step === 'review' || form.submitErrors.length > 0)
  for (const [field, messages] of errorsByField(errors)) {
    const target = targetOf(form, field)
    if (!target) {
      continue
    }
    const id = `error-${target.id}`
    const note = h(
      'p',
      { class: 'field-error', id, 'data-field-error': field },
      messages.join('；'),
    )
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
      target.setAttribute('aria-invalid', 'true')
      target.setAttribute('aria-describedby', id)
      target.after(note)
    } else {
      target.append(note)
    }
  }
  const summary = form.el('error-summary')
  if (errors.length === 0) {
    summary.hidden = true
    summary.replaceChildren()
    return
  }
  summary.replaceChildren(
    h('p', {}, form.text('submit.errorsTitle')),
    h(
      'ul',
      {},
      ...errors.map((e) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `#${targetOf(form, e.field)?.id ?? 'error-summary'}`, 'data-field': e.field },
            `${tx(form.locale, `step.${stepOfField(e.field)}`)}：${e.message}`,
          ),
        ),
      ),
    ),
  )
  summary.hidden = false
  if (focusSummary) {
    summary.focus()
  }
}

export function targetOf(form: SubmissionForm, field: string): HTMLElement | undefined {
  for (const id of inputIdCandidates(field)) {
    const el = document.getElementById(id)
    if (el) {
      return el
    }
  }
  return undefined
}

/** From the summary: open the field's step and put the cursor in it. */
export async function reveal(form: SubmissionForm, field: string): Promise<void> {
  const step = stepOfField(field)
  if (step !== form.step) {
    form.step = step
    renderSteps(form)
    renderErrors(form)
  }
  const target = targetOf(form, field)
  target?.scrollIntoView({ block: 'center' })
  target?.focus()
}

export function renderReview(form: SubmissionForm): void {
  const s = form.state
  const track = form.track
  const theme = document.getElementById('field-theme') as HTMLSelectElement | null
  // The option's indentation shows nesting in the list; the review names the theme alone.
  const themeLabel = (theme?.selectedOptions[0]?.textContent ?? '').replace(/^[\s\u3000└]+/u, '')
  const empty = form.text('submit.empty')
  const row = (label: string, value: string | Node, step: Step) => {
    const edit = h(
      'button',
      { type: 'button', class: 'link-button', 'data-review-edit': step },
      form.text('submit.reviewEdit'),
    )
    edit.addEventListener('click', () => void form.goTo(step))
    return h(
      'div',
      {},
      h('dt', {}, label),
      h('dd', { class: 'pre-line' }, value || empty, ' ', edit),
    )
  }
  const channel = s.channel ? CHANNELS[s.channel][form.locale] : ''
  const needs = channelField(s.channel)
  const sections = h(
    'div',
    {},
    ...s.sections.map((sec) =>
      h(
        'div',
        {},
        h('strong', {}, sec.heading || empty),
        h('p', { class: 'pre-line' }, sec.body || empty),
      ),
    ),
  )
  const declarations = [
    ...form.form.querySelectorAll<HTMLInputElement>('input[name^="declarations."]'),
  ]
    .map((box) => `${box.checked ? '☑' : '☐'} ${box.closest('label')?.textContent?.trim() ?? ''}`)
    .join('\n')
  form.el('review-summary').replaceChildren(
    h(
      'dl',
      { class: 'definitions' },
      row(form.text('submit.track'), track?.name ?? s.track, 'track'),
      row(form.text('submit.theme'), s.theme === null ? '' : themeLabel, 'track'),
      row(form.text('submit.titleField'), s.title, 'content'),
      row(form.text('submit.abstract'), s.abstract, 'content'),
      row(form.text('submit.sections'), sections, 'content'),
      row(
        form.text('submit.authors'),
        patchBody(s)
          .authors.map((a) => [a.name, a.title, a.affiliation].filter(Boolean).join('，'))
          .join('；'),
        'content',
      ),
      row(
        tx(form.locale, 'step.attachments'),
        s.attachments
          .map((a, i) => `${i + 1}. ${a.file.filename}${a.caption ? `（${a.caption}）` : ''}`)
          .join('\n'),
        'attachments',
      ),
      row(
        form.text('submit.channel'),
        [channel, needs ? s[needs] : ''].filter(Boolean).join(' · '),
        'channel',
      ),
      row(form.text('submit.province'), [s.province, s.city].filter(Boolean).join(' '), 'channel'),
      row(
        form.text('submit.declarations'),
        h('span', { class: 'pre-line' }, declarations),
        'channel',
      ),
    ),
  )
}
