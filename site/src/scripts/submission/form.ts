/**
 * The submission form's script (components/submission/SubmissionForm.astro): state, steps,
 * saving and submitting; uploads in uploadQueue.ts, the steps drawn in renderParts.ts, checks
 * and the review in renderChecks.ts. Personal data is fetched here in the browser through the
 * site's /api proxy, never in the server-rendered page. The draft lives on the server from the
 * first step; ?entry= names it so a participant can come back. Decisions about the data live in
 * lib/submission.ts and lib/uploads.ts; this file touches the page.
 */

import { requestJson, type JsonReply } from '../../lib/http'
import type { Locale } from '../../i18n'
import type { Track } from '../../lib/labels'
import {
  clockTime,
  draftBody,
  EDITABLE_STATES,
  emptyAuthor,
  emptyState,
  entryParam,
  firstErrorStep,
  formHref,
  loginHref,
  patchBody,
  readErrors,
  sectionsForTrack,
  sentSectionIndexes,
  stateFromEntry,
  statusLabel,
  STEPS,
  toFormPaths,
  type Channel,
  type DeclarationKey,
  type FieldError,
  type FormState,
  type Province,
  type Step,
} from '../../lib/submission'
import { h } from './dom'
import { tx, type TextKey } from '../../i18n/submission'
import { addFiles, showResumableUploads } from './uploadQueue'
import {
  renderAll,
  renderSteps,
  renderTrackLock,
  renderSections,
  renderAuthors,
  renderChannel,
} from './renderParts'
import { renderCounters, renderErrors, reveal, renderReview } from './renderChecks'

import type { Entry, PendingUpload, SubmitConfig } from './formTypes'

export type { Entry, PendingUpload, SubmitConfig }

/** Typing pauses this long before the draft is saved. */
export const SAVE_DEBOUNCE_MS = 1200
export const SAVE_RETRY_MS = 5000

export function initSubmissionForm(): void {
  const root = document.querySelector<HTMLElement>('[data-submission]')
  const configEl = document.getElementById('submission-config')
  if (!root || !configEl || root.dataset.ready) {
    return
  }
  root.dataset.ready = 'true'
  const config = JSON.parse(configEl.textContent ?? '{}') as SubmitConfig
  void new SubmissionForm(root, config).start()
}
export class SubmissionForm {
  readonly locale: Locale
  state: FormState
  step: Step = 'track'
  track: Track | undefined
  email = ''
  pending: PendingUpload[] = []
  uploadSeq = 0
  /** Problems the server reported on the last save (drafts check only what is there). */
  saveProblems: FieldError[] = []
  /** Errors of a refused submit; each goes away once its field is edited. */
  submitErrors: FieldError[] = []
  dirty = false
  saveTimer: ReturnType<typeof setTimeout> | undefined
  saveChain: Promise<boolean> = Promise.resolve(true)
  readonly form: HTMLFormElement

  constructor(
    readonly root: HTMLElement,
    readonly config: SubmitConfig,
  ) {
    this.locale = config.locale
    this.track = undefined
    this.state = emptyState(config.campaign.id, undefined)
    this.form = this.el<HTMLFormElement>('submission-form')
  }

  el<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = document.getElementById(id)
    if (!found) {
      throw new Error(`#${id} missing from the submission form`)
    }
    return found as T
  }

  text(key: TextKey, params?: Record<string, string | number>): string {
    return tx(this.locale, key, params)
  }

  async start(): Promise<void> {
    const loading = this.root.querySelector<HTMLElement>('[data-submission-loading]')
    try {
      const me = await requestJson('GET', '/api/users/me')
      const user = (me.data as { user?: { email?: string } | null } | undefined)?.user
      if (me.status !== 200 || !user) {
        this.showSignIn()
        return
      }
      this.email = user.email ?? ''
      const entryId = entryParam(location.search)
      if (entryId !== undefined && !(await this.restore(entryId))) {
        return
      }
      this.bind()
      this.form.hidden = false
      renderAll(this)
      void showResumableUploads(this)
    } catch {
      this.notice(this.text('submit.network'))
    } finally {
      if (loading) {
        loading.hidden = true
      }
    }
  }

  showSignIn(): void {
    const link = this.el<HTMLAnchorElement>('login-link')
    link.href = loginHref(this.config.loginPath, `${location.pathname}${location.search}`)
    this.el('signin-required').hidden = false
  }

  notice(message: string, link?: { href: string; label: string }): void {
    const box = this.el('submission-notice')
    box.replaceChildren(h('p', {}, message))
    if (link) {
      box.append(h('a', { href: link.href, class: 'button' }, link.label))
    }
    box.hidden = false
  }

  /** Loads a saved entry into the form; false when it cannot be edited here. */
  async restore(entryId: number): Promise<boolean> {
    const answer = await requestJson('GET', `/api/submissions/entries/${entryId}`)
    if (answer.status === 401) {
      this.showSignIn()
      return false
    }
    const body = answer.data as
      | {
          entry?: Entry
          rules?: { track?: Partial<Track>; requirements?: Track['requirements'] }
        }
      | undefined
    const entry = body?.entry
    if (answer.status !== 200 || !entry) {
      this.notice(readErrors(answer)[0]?.message ?? this.text('mine.notFound'), {
        href: this.config.minePath,
        label: this.text('mine.back'),
      })
      return false
    }
    const configured = this.config.tracks.find((t) => t.key === entry.track)
    // The server's rules are the ones it will check; they win over the page's copy.
    this.track = configured
      ? { ...configured, requirements: body?.rules?.requirements ?? configured.requirements }
      : undefined
    if (!EDITABLE_STATES.includes(entry.status)) {
      this.notice(
        this.text('submit.notEditable', { status: statusLabel(entry.status, this.locale) }),
        {
          href: `${this.config.minePath}/${entry.id}`,
          label: this.text('submit.viewEntry'),
        },
      )
      return false
    }
    this.state = stateFromEntry(entry, this.track)
    this.step = 'content'
    return true
  }

  // ---- binding inputs to state -------------------------------------------------

  bind(): void {
    this.form.addEventListener('submit', (event) => event.preventDefault())
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="track"]')) {
      radio.addEventListener('change', () => this.chooseTrack(radio.value))
    }
    document.getElementById('field-theme')?.addEventListener('change', (event) => {
      const value = (event.target as HTMLSelectElement).value
      this.state.theme = value ? Number(value) : null
      this.changed('theme')
    })
    this.bindText('field-title', (v) => (this.state.title = v), 'title')
    this.bindText('field-abstract', (v) => (this.state.abstract = v), 'abstract')
    this.bindText(
      'field-recommendingUnit',
      (v) => (this.state.recommendingUnit = v),
      'recommendingUnit',
    )
    this.bindText(
      'field-informationSource',
      (v) => (this.state.informationSource = v),
      'informationSource',
    )
    this.bindText('field-city', (v) => (this.state.city = v), 'city')
    this.el<HTMLSelectElement>('field-province').addEventListener('change', (event) => {
      this.state.province = (event.target as HTMLSelectElement).value as Province | ''
      this.changed('province')
    })
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="channel"]')) {
      radio.addEventListener('change', () => {
        this.state.channel = radio.value as Channel
        renderChannel(this)
        this.changed('channel')
      })
    }
    for (const box of this.form.querySelectorAll<HTMLInputElement>(
      'input[name^="declarations."]',
    )) {
      box.addEventListener('change', () => {
        const key = box.name.split('.')[1] as DeclarationKey
        this.state.declarations[key] = box.checked
        this.changed(`declarations.${key}`)
      })
    }
    this.el('add-section').addEventListener('click', () => {
      this.state.sections.push({ heading: '', body: '' })
      renderSections(this)
      this.changed('sections')
      document.getElementById(`field-sections-${this.state.sections.length - 1}-heading`)?.focus()
    })
    this.el('add-author').addEventListener('click', () => {
      this.state.authors.push(emptyAuthor())
      renderAuthors(this)
      document.getElementById(`field-authors-${this.state.authors.length - 1}-name`)?.focus()
    })
    this.el<HTMLInputElement>('field-file').addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement
      addFiles(this, [...(input.files ?? [])])
      input.value = ''
    })
    for (const tab of this.form.querySelectorAll<HTMLButtonElement>('[data-step-tab]')) {
      tab.addEventListener('click', () => void this.goTo(tab.dataset.stepTab as Step))
    }
    this.el('step-prev').addEventListener('click', () => void this.goTo(this.neighbour(-1)))
    this.el('step-next').addEventListener('click', () => void this.goTo(this.neighbour(1)))
    this.el('submit-entry').addEventListener('click', () => void this.submit())
    this.el('error-summary').addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-field]')
      if (link) {
        event.preventDefault()
        void reveal(this, link.dataset.field ?? '')
      }
    })
    // Leaving with unsaved typing or a running upload loses work; the browser asks first.
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty || this.pending.some((p) => p.phase !== 'failed')) {
        event.preventDefault()
      }
    })
  }

  bindText(id: string, set: (value: string) => void, field: string): void {
    const input = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null
    input?.addEventListener('input', () => {
      set(input.value)
      this.changed(field)
    })
  }

  /** Any edit: counters and checks at once, the server after a pause in typing. */
  changed(field: string): void {
    this.submitErrors = this.submitErrors.filter(
      (e) => e.field !== field && !e.field.startsWith(`${field}.`),
    )
    renderCounters(this)
    renderErrors(this)
    this.scheduleSave()
  }

  chooseTrack(key: string): void {
    if (this.state.entryId !== undefined) {
      return
    }
    this.track = this.config.tracks.find((t) => t.key === key)
    this.state.track = key
    this.state.sections = sectionsForTrack(this.track, this.state.sections)
    this.submitErrors = this.submitErrors.filter((e) => e.field !== 'track')
    renderAll(this)
  }

  // ---- steps -----------------------------------------------------------------

  neighbour(delta: number): Step {
    const i = STEPS.indexOf(this.step) + delta
    return STEPS[Math.max(0, Math.min(STEPS.length - 1, i))] ?? this.step
  }

  /** Changing step saves: the first step opens the draft, later ones store what was typed. */
  async goTo(step: Step): Promise<boolean> {
    if (step === this.step) {
      return true
    }
    if (this.state.entryId === undefined) {
      if (!this.state.track) {
        this.submitErrors = [{ field: 'track', message: this.text('submit.chooseTrack') }]
        renderErrors(this, true)
        return false
      }
      if (!(await this.createDraft())) {
        return false
      }
    } else {
      this.dirty = true
      await this.save()
    }
    this.step = step
    renderSteps(this)
    if (step === 'review') {
      renderReview(this)
    }
    renderErrors(this)
    this.el(`step-${step}`).scrollIntoView({ block: 'start' })
    this.el(`step-tab-${step}`).focus()
    return true
  }

  async createDraft(): Promise<boolean> {
    this.setSaveStatus(this.text('submit.saving'))
    let answer: JsonReply
    try {
      answer = await requestJson('POST', '/api/submissions/drafts', draftBody(this.state))
    } catch {
      this.setSaveStatus(this.text('submit.network'))
      return false
    }
    const entry = (answer.data as { entry?: { id?: number } } | undefined)?.entry
    if (answer.status === 401) {
      this.showSignIn()
      return false
    }
    // 201: a new draft; 200: the participant's untouched draft here, taken up again.
    if ((answer.status !== 201 && answer.status !== 200) || typeof entry?.id !== 'number') {
      this.submitErrors = readErrors(answer)
      if (this.submitErrors.length === 0) {
        this.submitErrors = [{ field: '', message: this.text('submit.network') }]
      }
      this.setSaveStatus('')
      renderErrors(this, true)
      return false
    }
    this.state.entryId = entry.id
    history.replaceState(history.state, '', formHref(location.pathname, entry.id))
    renderTrackLock(this)
    // The draft exists with campaign and track; the rest of what is typed goes in one PATCH.
    this.dirty = true
    await this.save()
    return true
  }

  // ---- saving ----------------------------------------------------------------

  scheduleSave(): void {
    this.dirty = true
    clearTimeout(this.saveTimer)
    if (this.state.entryId !== undefined) {
      this.saveTimer = setTimeout(() => void this.save(), SAVE_DEBOUNCE_MS)
    }
  }

  /** Saves are queued one after another, so an older body never lands after a newer one. */
  save(): Promise<boolean> {
    clearTimeout(this.saveTimer)
    this.saveChain = this.saveChain.then(() => this.saveNow())
    return this.saveChain
  }

  async saveNow(): Promise<boolean> {
    if (!this.dirty || this.state.entryId === undefined) {
      return true
    }
    this.dirty = false
    this.setSaveStatus(this.text('submit.saving'))
    try {
      const sent = sentSectionIndexes(this.state)
      const answer = await requestJson(
        'PATCH',
        `/api/submissions/drafts/${this.state.entryId}`,
        patchBody(this.state),
      )
      if (answer.status === 200) {
        this.saveProblems = toFormPaths(readErrors(answer.data), sent)
        this.setSaveStatus(this.text('submit.saved', { time: clockTime(new Date()) }))
        renderErrors(this)
        return true
      }
      if (answer.status === 401) {
        this.dirty = true
        this.showSignIn()
        return false
      }
      const errors = toFormPaths(readErrors(answer), sent)
      if (answer.status === 409) {
        this.notice(errors[0]?.message ?? this.text('mine.locked'), {
          href: `${this.config.minePath}/${this.state.entryId}`,
          label: this.text('submit.viewEntry'),
        })
        this.form.hidden = true
        return false
      }
      // A refused save stores nothing: the errors say why, and the next edit tries again.
      this.dirty = true
      this.submitErrors = errors
      this.setSaveStatus(this.text('submit.saveFailed'))
      renderErrors(this, true)
      return false
    } catch {
      this.dirty = true
      this.setSaveStatus(this.text('submit.saveFailed'))
      this.saveTimer = setTimeout(() => void this.save(), SAVE_RETRY_MS)
      return false
    }
  }

  setSaveStatus(text: string): void {
    this.el('save-status').textContent = text
  }

  // ---- submit ----------------------------------------------------------------

  async submit(): Promise<void> {
    const button = this.el<HTMLButtonElement>('submit-entry')
    if (button.getAttribute('aria-disabled') === 'true' || this.state.entryId === undefined) {
      return
    }
    button.setAttribute('aria-disabled', 'true')
    button.textContent = this.text('submit.submitting')
    try {
      this.dirty = true
      if (!(await this.save())) {
        return
      }
      const answer = await requestJson(
        'POST',
        `/api/submissions/entries/${this.state.entryId}/submit`,
      )
      const entry = (answer.data as { entry?: { number?: string } } | undefined)?.entry
      if (answer.status === 200 && entry) {
        this.showDone(entry.number ?? '')
        return
      }
      if (answer.status === 401) {
        this.showSignIn()
        return
      }
      this.submitErrors = toFormPaths(readErrors(answer), sentSectionIndexes(this.state))
      if (this.submitErrors.length === 0) {
        this.submitErrors = [{ field: '', message: this.text('submit.network') }]
      }
      const first = firstErrorStep(this.submitErrors) ?? 'review'
      this.step = first
      renderSteps(this)
      renderReview(this)
      renderErrors(this, true)
    } catch {
      this.submitErrors = [{ field: '', message: this.text('submit.network') }]
      renderErrors(this, true)
    } finally {
      button.removeAttribute('aria-disabled')
      button.textContent = this.text('submit.submit')
    }
  }

  showDone(number: string): void {
    this.dirty = false
    this.form.hidden = true
    this.el('entry-number').textContent = number
    this.el('confirmation-email').textContent = this.email
      ? this.text('submit.doneEmail', { email: this.email })
      : ''
    const done = this.el('submit-done')
    done.hidden = false
    done.focus()
  }

  // ---- uploads ---------------------------------------------------------------

  // ---- rendering -------------------------------------------------------------
}
