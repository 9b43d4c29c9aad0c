/**
 * The submission form island (components/submission/SubmissionForm.astro).
 * Everything personal is fetched here in the browser, same-origin through the
 * site's /api proxy, so the server-rendered page never carries a reader's
 * data. The draft lives on the server from the first step on; the URL names
 * it (?entry=) so a participant can leave and come back. Decisions about the
 * data live in lib/submission.ts and lib/uploads.ts; this file touches the page.
 */
import {
  ALLOWED_KIND_NAMES,
  countChars,
  FILE_KIND_LABELS,
  TITLE_MAX_LENGTH,
} from '@exemplar/plugin-submissions/rules'
import * as tus from 'tus-js-client'

import type { Locale } from '../../lib/i18n'
import type { Track } from '../../lib/labels'
import {
  channelField,
  clockTime,
  draftBody,
  EDITABLE_STATES,
  emptyAuthor,
  emptyState,
  entryParam,
  errorsByField,
  firstErrorStep,
  formHref,
  inputIdCandidates,
  liveProblems,
  loginHref,
  patchBody,
  readErrors,
  sectionsForTrack,
  sentSectionIndexes,
  stateFromEntry,
  statusLabel,
  STEP_LABELS,
  stepOfField,
  STEPS,
  toFormPaths,
  CHANNELS,
  type Channel,
  type DeclarationKey,
  type FieldError,
  type FormState,
  type Province,
  type Step,
} from '../../lib/submission'
import {
  acceptAttribute,
  COMPLETE_PATH,
  formatClock,
  formatSize,
  guessKind,
  move,
  percent,
  precheckFile,
  progressText,
  readUploadAnswer,
  TUS_CHUNK_BYTES,
  TUS_PATH,
  TUS_RETRY_DELAYS,
  tusMetadata,
  UPLOAD_PATH,
  uploadIdFromUrl,
  uploadRoute,
  type UploadAnswer,
} from '../../lib/uploads'
import { tx, type TextKey } from './text'

/** What the page hands the island (as JSON): no personal data, only the campaign. */
export interface SubmitConfig {
  locale: Locale
  campaign: { id: number; slug: string; title: string }
  tracks: Track[]
  formPath: string
  loginPath: string
  minePath: string
}

type Entry = Parameters<typeof stateFromEntry>[0]

interface PendingUpload {
  uid: number
  file: File
  loaded: number
  total: number
  phase: 'uploading' | 'inspecting' | 'failed'
  messages: string[]
  abort?: () => void
}

/** Typing pauses this long before the draft is saved. */
const SAVE_DEBOUNCE_MS = 1200
const SAVE_RETRY_MS = 5000

async function requestJson(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) {
      el.setAttribute(name, '')
    } else if (typeof value === 'string') {
      el.setAttribute(name, value)
    }
  }
  el.append(...children)
  return el
}

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

class SubmissionForm {
  private readonly locale: Locale
  private state: FormState
  private step: Step = 'track'
  private track: Track | undefined
  private email = ''
  private pending: PendingUpload[] = []
  private uploadSeq = 0
  /** Problems the server reported on the last save (drafts check only what is there). */
  private saveProblems: FieldError[] = []
  /** Errors of a refused submit; each goes away once its field is edited. */
  private submitErrors: FieldError[] = []
  private dirty = false
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private saveChain: Promise<boolean> = Promise.resolve(true)
  private readonly form: HTMLFormElement

  constructor(
    private readonly root: HTMLElement,
    private readonly config: SubmitConfig,
  ) {
    this.locale = config.locale
    this.track = undefined
    this.state = emptyState(config.campaign.id, undefined)
    this.form = this.el<HTMLFormElement>('submission-form')
  }

  private el<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = document.getElementById(id)
    if (!found) {
      throw new Error(`#${id} missing from the submission form`)
    }
    return found as T
  }

  private text(key: TextKey, params?: Record<string, string | number>): string {
    return tx(this.locale, key, params)
  }

  async start(): Promise<void> {
    const loading = this.root.querySelector<HTMLElement>('[data-submission-loading]')
    try {
      const me = await requestJson('GET', '/api/users/me')
      const user = (me.body as { user?: { email?: string } | null } | null)?.user
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
      this.renderAll()
      void this.showResumableUploads()
    } catch {
      this.notice(this.text('submit.network'))
    } finally {
      if (loading) {
        loading.hidden = true
      }
    }
  }

  private showSignIn(): void {
    const link = this.el<HTMLAnchorElement>('login-link')
    link.href = loginHref(this.config.loginPath, `${location.pathname}${location.search}`)
    this.el('signin-required').hidden = false
  }

  private notice(message: string, link?: { href: string; label: string }): void {
    const box = this.el('submission-notice')
    box.replaceChildren(h('p', {}, message))
    if (link) {
      box.append(h('a', { href: link.href, class: 'button' }, link.label))
    }
    box.hidden = false
  }

  /** Loads a saved entry into the form; false when it cannot be edited here. */
  private async restore(entryId: number): Promise<boolean> {
    const answer = await requestJson('GET', `/api/submissions/entries/${entryId}`)
    if (answer.status === 401) {
      this.showSignIn()
      return false
    }
    const body = answer.body as {
      entry?: Entry
      rules?: { track?: Partial<Track>; requirements?: Track['requirements'] }
    } | null
    const entry = body?.entry
    if (answer.status !== 200 || !entry) {
      this.notice(readErrors(answer.body)[0]?.message ?? this.text('mine.notFound'), {
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

  private bind(): void {
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
        this.renderChannel()
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
      this.renderSections()
      this.changed('sections')
      document.getElementById(`field-sections-${this.state.sections.length - 1}-heading`)?.focus()
    })
    this.el('add-author').addEventListener('click', () => {
      this.state.authors.push(emptyAuthor())
      this.renderAuthors()
      document.getElementById(`field-authors-${this.state.authors.length - 1}-name`)?.focus()
    })
    this.el<HTMLInputElement>('field-file').addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement
      this.addFiles([...(input.files ?? [])])
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
        void this.reveal(link.dataset.field ?? '')
      }
    })
    // Leaving with unsaved typing or a running upload loses work; the browser asks first.
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty || this.pending.some((p) => p.phase !== 'failed')) {
        event.preventDefault()
      }
    })
  }

  private bindText(id: string, set: (value: string) => void, field: string): void {
    const input = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null
    input?.addEventListener('input', () => {
      set(input.value)
      this.changed(field)
    })
  }

  /** Any edit: counters and checks at once, the server after a pause in typing. */
  private changed(field: string): void {
    this.submitErrors = this.submitErrors.filter(
      (e) => e.field !== field && !e.field.startsWith(`${field}.`),
    )
    this.renderCounters()
    this.renderErrors()
    this.scheduleSave()
  }

  private chooseTrack(key: string): void {
    if (this.state.entryId !== undefined) {
      return
    }
    this.track = this.config.tracks.find((t) => t.key === key)
    this.state.track = key
    this.state.sections = sectionsForTrack(this.track, this.state.sections)
    this.submitErrors = this.submitErrors.filter((e) => e.field !== 'track')
    this.renderAll()
  }

  // ---- steps -----------------------------------------------------------------

  private neighbour(delta: number): Step {
    const i = STEPS.indexOf(this.step) + delta
    return STEPS[Math.max(0, Math.min(STEPS.length - 1, i))] ?? this.step
  }

  /** Changing step saves: the first step opens the draft, later ones store what was typed. */
  private async goTo(step: Step): Promise<boolean> {
    if (step === this.step) {
      return true
    }
    if (this.state.entryId === undefined) {
      if (!this.state.track) {
        this.submitErrors = [{ field: 'track', message: this.text('submit.chooseTrack') }]
        this.renderErrors(true)
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
    this.renderSteps()
    if (step === 'review') {
      this.renderReview()
    }
    this.renderErrors()
    this.el(`step-${step}`).scrollIntoView({ block: 'start' })
    this.el(`step-tab-${step}`).focus()
    return true
  }

  private async createDraft(): Promise<boolean> {
    this.setSaveStatus(this.text('submit.saving'))
    let answer: { status: number; body: unknown }
    try {
      answer = await requestJson('POST', '/api/submissions/drafts', draftBody(this.state))
    } catch {
      this.setSaveStatus(this.text('submit.network'))
      return false
    }
    const entry = (answer.body as { entry?: { id?: number } } | null)?.entry
    if (answer.status === 401) {
      this.showSignIn()
      return false
    }
    // 201: a new draft; 200: the participant's untouched draft here, taken up again.
    if ((answer.status !== 201 && answer.status !== 200) || typeof entry?.id !== 'number') {
      this.submitErrors = readErrors(answer.body)
      if (this.submitErrors.length === 0) {
        this.submitErrors = [{ field: '', message: this.text('submit.network') }]
      }
      this.setSaveStatus('')
      this.renderErrors(true)
      return false
    }
    this.state.entryId = entry.id
    history.replaceState(history.state, '', formHref(location.pathname, entry.id))
    this.renderTrackLock()
    // The draft exists with campaign and track; the rest of what is typed goes in one PATCH.
    this.dirty = true
    await this.save()
    return true
  }

  // ---- saving ----------------------------------------------------------------

  private scheduleSave(): void {
    this.dirty = true
    clearTimeout(this.saveTimer)
    if (this.state.entryId !== undefined) {
      this.saveTimer = setTimeout(() => void this.save(), SAVE_DEBOUNCE_MS)
    }
  }

  /** Saves are queued one after another, so an older body never lands after a newer one. */
  private save(): Promise<boolean> {
    clearTimeout(this.saveTimer)
    this.saveChain = this.saveChain.then(() => this.saveNow())
    return this.saveChain
  }

  private async saveNow(): Promise<boolean> {
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
        this.saveProblems = toFormPaths(readErrors(answer.body), sent)
        this.setSaveStatus(this.text('submit.saved', { time: clockTime(new Date()) }))
        this.renderErrors()
        return true
      }
      if (answer.status === 401) {
        this.dirty = true
        this.showSignIn()
        return false
      }
      const errors = toFormPaths(readErrors(answer.body), sent)
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
      this.renderErrors(true)
      return false
    } catch {
      this.dirty = true
      this.setSaveStatus(this.text('submit.saveFailed'))
      this.saveTimer = setTimeout(() => void this.save(), SAVE_RETRY_MS)
      return false
    }
  }

  private setSaveStatus(text: string): void {
    this.el('save-status').textContent = text
  }

  // ---- submit ----------------------------------------------------------------

  private async submit(): Promise<void> {
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
      const entry = (answer.body as { entry?: { number?: string } } | null)?.entry
      if (answer.status === 200 && entry) {
        this.showDone(entry.number ?? '')
        return
      }
      if (answer.status === 401) {
        this.showSignIn()
        return
      }
      this.submitErrors = toFormPaths(readErrors(answer.body), sentSectionIndexes(this.state))
      if (this.submitErrors.length === 0) {
        this.submitErrors = [{ field: '', message: this.text('submit.network') }]
      }
      const first = firstErrorStep(this.submitErrors) ?? 'review'
      this.step = first
      this.renderSteps()
      this.renderReview()
      this.renderErrors(true)
    } catch {
      this.submitErrors = [{ field: '', message: this.text('submit.network') }]
      this.renderErrors(true)
    } finally {
      button.removeAttribute('aria-disabled')
      button.textContent = this.text('submit.submit')
    }
  }

  private showDone(number: string): void {
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

  private imageCount(): number {
    const done = this.state.attachments.filter((a) => a.file.kind === 'image').length
    const running = this.pending.filter(
      (p) => p.phase !== 'failed' && guessKind(p.file) === 'image',
    ).length
    return done + running
  }

  private addFiles(files: File[]): void {
    for (const file of files) {
      const problems = precheckFile(
        this.track?.requirements,
        file,
        this.imageCount(),
        (kind) => ALLOWED_KIND_NAMES[kind] ?? kind,
      )
      const upload: PendingUpload = {
        uid: ++this.uploadSeq,
        file,
        loaded: 0,
        total: file.size,
        phase: problems.length > 0 ? 'failed' : 'uploading',
        messages: problems.map((p) => p.message),
      }
      this.pending.push(upload)
      if (upload.phase === 'uploading') {
        if (uploadRoute(file) === 'tus') {
          this.startTus(upload)
        } else {
          this.startXhr(upload)
        }
      }
    }
    this.renderPending()
  }

  private startXhr(upload: PendingUpload): void {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', UPLOAD_PATH)
    xhr.setRequestHeader('accept', 'application/json')
    xhr.upload.onprogress = (event) => {
      upload.loaded = event.loaded
      upload.total = event.lengthComputable ? event.total : upload.file.size
      this.renderProgress(upload)
    }
    xhr.upload.onload = () => {
      upload.phase = 'inspecting'
      this.renderProgress(upload)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText) as unknown
      } catch {
        // A proxy's HTML error page: the status alone explains it.
      }
      this.finishUpload(upload, readUploadAnswer(xhr.status, body))
    }
    xhr.onerror = () => this.finishUpload(upload, readUploadAnswer(0, null))
    const data = new FormData()
    data.append('file', upload.file)
    data.append('campaign', String(this.state.campaign))
    data.append('track', this.state.track)
    upload.abort = () => xhr.abort()
    xhr.send(data)
  }

  private startTus(upload: PendingUpload): void {
    const tusUpload = new tus.Upload(upload.file, {
      endpoint: TUS_PATH,
      chunkSize: TUS_CHUNK_BYTES,
      retryDelays: TUS_RETRY_DELAYS,
      metadata: tusMetadata(upload.file, this.state.campaign, this.state.track),
      removeFingerprintOnSuccess: true,
      onProgress: (loaded, total) => {
        upload.loaded = loaded
        upload.total = total
        this.renderProgress(upload)
      },
      onError: (error) => {
        const response = (error as tus.DetailedError).originalResponse
        let body: unknown = null
        try {
          body = JSON.parse(response?.getBody() ?? '') as unknown
        } catch {
          // tus answers errors as plain text; the status says enough.
        }
        this.finishUpload(upload, readUploadAnswer(response?.getStatus() ?? 0, body))
      },
      onSuccess: () => {
        upload.phase = 'inspecting'
        this.renderProgress(upload)
        void this.completeTus(upload, uploadIdFromUrl(tusUpload.url ?? ''))
      },
    })
    upload.abort = () => void tusUpload.abort(true)
    // The same file picked again after a reload or a dropped connection continues where it stopped.
    void tusUpload
      .findPreviousUploads()
      .then((previous) => {
        const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0]
        if (last) {
          tusUpload.resumeFromPreviousUpload(last)
        }
      })
      .catch(() => undefined)
      .finally(() => tusUpload.start())
  }

  private async completeTus(upload: PendingUpload, uploadId: string): Promise<void> {
    try {
      const answer = await requestJson('POST', COMPLETE_PATH, { uploadId })
      this.finishUpload(upload, readUploadAnswer(answer.status, answer.body))
    } catch {
      this.finishUpload(upload, readUploadAnswer(0, null))
    }
  }

  private finishUpload(upload: PendingUpload, answer: UploadAnswer): void {
    if (!this.pending.includes(upload)) {
      return
    }
    if (answer.ok) {
      this.pending = this.pending.filter((p) => p !== upload)
      this.state.attachments.push({ file: answer.file, caption: '' })
      this.renderPending()
      this.renderAttachments()
      this.changed('attachments')
      return
    }
    upload.phase = 'failed'
    upload.messages = answer.messages
    this.renderPending()
  }

  /** Uploads tus remembers from an earlier visit: pick the same file again to continue. */
  private async showResumableUploads(): Promise<void> {
    if (!tus.canStoreURLs) {
      return
    }
    const previous = await tus.defaultOptions.urlStorage.findAllUploads().catch(() => [])
    const names = previous
      .filter((p) => p.metadata.campaign === String(this.state.campaign))
      .map((p) => p.metadata.filename)
      .filter((name): name is string => Boolean(name))
    if (names.length > 0) {
      const box = this.el('resumable-notice')
      box.textContent = this.text('submit.resumable', { names: [...new Set(names)].join('、') })
      box.hidden = false
    }
  }

  // ---- rendering -------------------------------------------------------------

  private renderAll(): void {
    this.renderTrack()
    this.renderSections()
    this.renderAuthors()
    this.renderAttachmentRules()
    this.renderAttachments()
    this.renderPending()
    this.renderChannel()
    this.fillInputs()
    this.renderSteps()
    this.renderCounters()
    if (this.step === 'review') {
      this.renderReview()
    }
    this.renderErrors()
  }

  private renderSteps(): void {
    for (const step of STEPS) {
      this.el(`step-${step}`).hidden = step !== this.step
      const tab = this.el(`step-tab-${step}`)
      if (step === this.step) {
        tab.setAttribute('aria-current', 'step')
      } else {
        tab.removeAttribute('aria-current')
      }
    }
    const index = STEPS.indexOf(this.step)
    this.el('step-prev').hidden = index === 0
    this.el('step-next').hidden = index === STEPS.length - 1
  }

  private renderTrack(): void {
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="track"]')) {
      radio.checked = radio.value === this.state.track
    }
    for (const rules of this.form.querySelectorAll<HTMLElement>('[data-track-rules]')) {
      rules.hidden = rules.dataset.trackRules !== this.state.track
    }
    const theme = document.getElementById('field-theme') as HTMLSelectElement | null
    if (theme) {
      theme.value = this.state.theme === null ? '' : String(this.state.theme)
    }
    this.renderTrackLock()
  }

  private renderTrackLock(): void {
    const locked = this.state.entryId !== undefined
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="track"]')) {
      radio.disabled = locked && radio.value !== this.state.track
    }
    this.el('track-locked').hidden = !locked
  }

  private fillInputs(): void {
    const set = (id: string, value: string) => {
      const input = document.getElementById(id) as HTMLInputElement | null
      if (input) {
        input.value = value
      }
    }
    set('field-title', this.state.title)
    set('field-abstract', this.state.abstract)
    set('field-recommendingUnit', this.state.recommendingUnit)
    set('field-informationSource', this.state.informationSource)
    set('field-city', this.state.city)
    set('field-province', this.state.province)
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="channel"]')) {
      radio.checked = radio.value === this.state.channel
    }
    for (const box of this.form.querySelectorAll<HTMLInputElement>(
      'input[name^="declarations."]',
    )) {
      box.checked = this.state.declarations[box.name.split('.')[1] as DeclarationKey] === true
    }
  }

  private renderSections(): void {
    const required = new Set(this.track?.requirements?.requiredSections ?? [])
    const list = this.el('sections-list')
    list.replaceChildren(
      ...this.state.sections.map((section, i) => {
        const fixed = required.has(section.heading)
        const heading = h('input', {
          id: `field-sections-${i}-heading`,
          name: `sections.${i}.heading`,
          type: 'text',
          value: section.heading,
          readonly: fixed,
          'data-testid': `section-heading-${i}`,
          'aria-label': `${this.text('submit.sectionHeading')} ${i + 1}`,
        })
        const body = h('textarea', {
          id: `field-sections-${i}-body`,
          name: `sections.${i}.body`,
          rows: '8',
          'data-testid': `section-body-${i}`,
          'aria-label': `${section.heading || this.text('submit.sectionBody')}`,
          'aria-describedby': `counter-sections-${i}-body`,
        })
        body.value = section.body
        heading.addEventListener('input', () => {
          this.state.sections[i]!.heading = heading.value
          body.setAttribute('aria-label', heading.value || this.text('submit.sectionBody'))
          this.changed(`sections.${i}.heading`)
        })
        body.addEventListener('input', () => {
          this.state.sections[i]!.body = body.value
          this.changed(`sections.${i}.body`)
        })
        const item = h(
          'div',
          { class: 'submission__section', id: `field-sections-${i}`, 'data-testid': 'section' },
          heading,
          body,
          h('span', { class: 'counter', id: `counter-sections-${i}-body` }),
        )
        if (!fixed) {
          const remove = h(
            'button',
            {
              type: 'button',
              class: 'button button--secondary',
              'data-testid': `remove-section-${i}`,
            },
            this.text('submit.removeSection'),
          )
          remove.addEventListener('click', () => {
            this.state.sections.splice(i, 1)
            this.renderSections()
            this.changed('sections')
          })
          item.append(remove)
        }
        return item
      }),
    )
  }

  private renderAuthors(): void {
    const list = this.el('authors-list')
    const fields = ['name', 'title', 'affiliation'] as const
    const labels = {
      name: this.text('submit.authorName'),
      title: this.text('submit.authorTitle'),
      affiliation: this.text('submit.authorAffiliation'),
    }
    list.replaceChildren(
      ...this.state.authors.map((author, i) => {
        const row = h('div', {
          class: 'submission__author',
          id: `field-authors-${i}`,
          'data-testid': 'author',
        })
        for (const field of fields) {
          const id = `field-authors-${i}-${field}`
          const input = h('input', {
            id,
            name: `authors.${i}.${field}`,
            type: 'text',
            value: author[field],
            'data-testid': `author-${field}-${i}`,
          })
          input.addEventListener('input', () => {
            this.state.authors[i]![field] = input.value
            this.changed(`authors.${i}.${field}`)
          })
          row.append(h('label', { for: id }, labels[field]), input)
        }
        if (this.state.authors.length > 1) {
          const remove = h(
            'button',
            {
              type: 'button',
              class: 'button button--secondary',
              'data-testid': `remove-author-${i}`,
            },
            this.text('submit.removeAuthor'),
          )
          remove.addEventListener('click', () => {
            this.state.authors.splice(i, 1)
            this.renderAuthors()
            this.changed('authors')
          })
          row.append(remove)
        }
        return row
      }),
    )
  }

  private renderAttachmentRules(): void {
    const r = this.track?.requirements
    this.el<HTMLInputElement>('field-file').accept = acceptAttribute(r?.allowedFileKinds)
    const rules = this.form.querySelector<HTMLElement>(
      `[data-track-rules="${CSS.escape(this.state.track)}"] ul`,
    )
    this.el('attachment-rules').replaceChildren(
      ...[...(rules?.children ?? [])].map((li) => li.cloneNode(true)),
    )
  }

  private renderAttachments(): void {
    const list = this.el('attachments-list')
    const captionMax = this.track?.requirements?.captionMaxChars ?? undefined
    const count = this.state.attachments.length
    list.replaceChildren(
      ...this.state.attachments.map((attachment, i) => {
        const { file } = attachment
        const facts = [
          FILE_KIND_LABELS[file.kind] ?? file.kind,
          file.bytes ? formatSize(file.bytes) : '',
          file.durationSeconds ? formatClock(file.durationSeconds) : '',
          file.width && file.height ? `${file.width}×${file.height}` : '',
        ].filter(Boolean)
        const caption = h('textarea', {
          id: `field-attachments-${i}-caption`,
          name: `attachments.${i}.caption`,
          rows: '2',
          'data-testid': `caption-${i}`,
          'aria-describedby': `counter-attachments-${i}-caption`,
        })
        caption.value = attachment.caption
        caption.addEventListener('input', () => {
          this.state.attachments[i]!.caption = caption.value
          this.changed(`attachments.${i}.caption`)
        })
        const button = (label: string, testid: string, action: () => void, disabled = false) => {
          const b = h(
            'button',
            { type: 'button', class: 'button button--secondary', 'data-testid': testid, disabled },
            label,
          )
          b.addEventListener('click', action)
          return b
        }
        const thumb =
          file.kind === 'image' && (file.thumbnailUrl || file.url)
            ? h('img', {
                src: file.thumbnailUrl ?? file.url,
                alt: '',
                width: '96',
                loading: 'lazy',
              })
            : undefined
        return h(
          'li',
          {
            class: 'submission__upload',
            id: `field-attachments-${i}`,
            'data-testid': 'attachment',
          },
          ...(thumb ? [thumb] : []),
          h(
            'div',
            { class: 'submission__upload-main' },
            h('p', {}, h('strong', {}, file.filename), ` · ${facts.join(' · ')}`),
            h('label', { for: caption.id }, this.text('submit.caption')),
            caption,
            h('span', {
              class: 'counter',
              id: `counter-attachments-${i}-caption`,
              'data-max': captionMax ? String(captionMax) : undefined,
            }),
            h(
              'div',
              { class: 'submission__actions' },
              button(
                this.text('submit.moveUp'),
                `attachment-up-${i}`,
                () => this.moveAttachment(i, i - 1),
                i === 0,
              ),
              button(
                this.text('submit.moveDown'),
                `attachment-down-${i}`,
                () => this.moveAttachment(i, i + 1),
                i === count - 1,
              ),
              button(this.text('submit.remove'), `attachment-remove-${i}`, () => {
                this.state.attachments.splice(i, 1)
                this.renderAttachments()
                this.changed('attachments')
              }),
            ),
          ),
        )
      }),
    )
    this.el('no-attachments').hidden = count > 0
    this.renderCounters()
  }

  private moveAttachment(from: number, to: number): void {
    this.state.attachments = move(this.state.attachments, from, to)
    this.renderAttachments()
    this.changed('attachments')
    document
      .querySelector<HTMLButtonElement>(
        `[data-testid="attachment-${to < from ? 'up' : 'down'}-${to}"]`,
      )
      ?.focus()
  }

  private renderPending(): void {
    this.el('uploads-pending').replaceChildren(
      ...this.pending.map((upload) => {
        const item = h('li', {
          class: `submission__upload submission__upload--${upload.phase}`,
          id: `upload-${upload.uid}`,
          'data-testid': 'upload-pending',
          'data-phase': upload.phase,
        })
        item.append(
          h('p', {}, h('strong', {}, upload.file.name), ` · ${formatSize(upload.file.size)}`),
        )
        if (upload.phase === 'failed') {
          item.append(
            h(
              'p',
              { class: 'field-error', role: 'alert' },
              `${this.text('submit.uploadFailed')}：${upload.messages.join('；')}`,
            ),
          )
          const dismiss = h(
            'button',
            { type: 'button', class: 'button button--secondary', 'data-testid': 'upload-dismiss' },
            this.text('submit.remove'),
          )
          dismiss.addEventListener('click', () => {
            this.pending = this.pending.filter((p) => p !== upload)
            this.renderPending()
          })
          item.append(dismiss)
          return item
        }
        item.append(
          h('progress', {
            id: `upload-progress-${upload.uid}`,
            max: '100',
            value: String(percent(upload.loaded, upload.total)),
            'data-testid': 'upload-progress',
            'aria-label': `${this.text('submit.uploading')} ${upload.file.name}`,
          }),
          h(
            'span',
            { class: 'counter', id: `upload-progress-text-${upload.uid}` },
            this.progressLabel(upload),
          ),
        )
        const cancel = h(
          'button',
          { type: 'button', class: 'button button--secondary', 'data-testid': 'upload-cancel' },
          this.text('submit.cancelUpload'),
        )
        cancel.addEventListener('click', () => {
          upload.abort?.()
          this.pending = this.pending.filter((p) => p !== upload)
          this.renderPending()
        })
        item.append(cancel)
        return item
      }),
    )
  }

  private progressLabel(upload: PendingUpload): string {
    return upload.phase === 'inspecting'
      ? this.text('submit.inspecting')
      : progressText(upload.loaded, upload.total)
  }

  private renderProgress(upload: PendingUpload): void {
    const bar = document.getElementById(
      `upload-progress-${upload.uid}`,
    ) as HTMLProgressElement | null
    const label = document.getElementById(`upload-progress-text-${upload.uid}`)
    if (!bar || !label) {
      this.renderPending()
      return
    }
    bar.value = percent(upload.loaded, upload.total)
    label.textContent = this.progressLabel(upload)
    bar.closest('li')?.setAttribute('data-phase', upload.phase)
  }

  private renderChannel(): void {
    const needs = channelField(this.state.channel)
    this.el('wrap-recommendingUnit').hidden = needs !== 'recommendingUnit'
    this.el('wrap-informationSource').hidden = needs !== 'informationSource'
  }

  /** Character counts exactly as the server counts them; red past the limit. */
  private renderCounters(): void {
    const r = this.track?.requirements ?? {}
    const counter = (id: string, n: number, max?: number | null, target?: number | null) => {
      const el = document.getElementById(id)
      if (!el) {
        return
      }
      el.textContent = max
        ? this.text('submit.charsOf', { n, max })
        : target
          ? this.text('submit.charsTarget', { n, target })
          : this.text('submit.chars', { n })
      el.classList.toggle('counter--over', Boolean(max && n > max))
    }
    counter('counter-title', this.state.title.trim().length, TITLE_MAX_LENGTH)
    counter(
      'counter-abstract',
      countChars(this.state.abstract),
      r.abstractMaxChars,
      r.abstractTargetChars,
    )
    let total = 0
    this.state.sections.forEach((section, i) => {
      const n = countChars(section.body)
      total += n
      counter(`counter-sections-${i}-body`, n)
    })
    const totalEl = this.el('field-body')
    totalEl.textContent = `${this.text('submit.bodyTotal')}：${
      r.bodyMaxChars
        ? this.text('submit.charsOf', { n: total, max: r.bodyMaxChars })
        : this.text('submit.chars', { n: total })
    }`
    totalEl.classList.toggle('counter--over', Boolean(r.bodyMaxChars && total > r.bodyMaxChars))
    this.state.attachments.forEach((a, i) => {
      counter(`counter-attachments-${i}-caption`, countChars(a.caption), r.captionMaxChars)
    })
  }

  private currentErrors(complete: boolean): FieldError[] {
    const local = liveProblems(this.track, this.state, complete)
    const seen = new Set<string>()
    return [...this.submitErrors, ...local, ...(complete ? [] : this.saveProblems)].filter((e) => {
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
  private renderErrors(focusSummary = false): void {
    for (const old of this.form.querySelectorAll('[data-field-error]')) {
      old.remove()
    }
    for (const invalid of this.form.querySelectorAll('[aria-invalid="true"]')) {
      invalid.removeAttribute('aria-invalid')
    }
    const errors = this.currentErrors(this.step === 'review' || this.submitErrors.length > 0)
    for (const [field, messages] of errorsByField(errors)) {
      const target = this.targetOf(field)
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
    const summary = this.el('error-summary')
    if (errors.length === 0) {
      summary.hidden = true
      summary.replaceChildren()
      return
    }
    summary.replaceChildren(
      h('p', {}, this.text('submit.errorsTitle')),
      h(
        'ul',
        {},
        ...errors.map((e) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#${this.targetOf(e.field)?.id ?? 'error-summary'}`, 'data-field': e.field },
              `${STEP_LABELS[stepOfField(e.field)][this.locale]}：${e.message}`,
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

  private targetOf(field: string): HTMLElement | undefined {
    for (const id of inputIdCandidates(field)) {
      const el = document.getElementById(id)
      if (el) {
        return el
      }
    }
    return undefined
  }

  /** From the summary: open the field's step and put the cursor in it. */
  private async reveal(field: string): Promise<void> {
    const step = stepOfField(field)
    if (step !== this.step) {
      this.step = step
      this.renderSteps()
      this.renderErrors()
    }
    const target = this.targetOf(field)
    target?.scrollIntoView({ block: 'center' })
    target?.focus()
  }

  private renderReview(): void {
    const s = this.state
    const track = this.track
    const theme = document.getElementById('field-theme') as HTMLSelectElement | null
    // The option's indentation shows nesting in the list; the review names the theme alone.
    const themeLabel = (theme?.selectedOptions[0]?.textContent ?? '').replace(/^[\s\u3000└]+/u, '')
    const empty = this.text('submit.empty')
    const row = (label: string, value: string | Node, step: Step) => {
      const edit = h(
        'button',
        { type: 'button', class: 'link-button', 'data-review-edit': step },
        this.text('submit.reviewEdit'),
      )
      edit.addEventListener('click', () => void this.goTo(step))
      return h(
        'div',
        {},
        h('dt', {}, label),
        h('dd', { class: 'pre-line' }, value || empty, ' ', edit),
      )
    }
    const channel = s.channel ? CHANNELS[s.channel][this.locale] : ''
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
      ...this.form.querySelectorAll<HTMLInputElement>('input[name^="declarations."]'),
    ]
      .map((box) => `${box.checked ? '☑' : '☐'} ${box.closest('label')?.textContent?.trim() ?? ''}`)
      .join('\n')
    this.el('review-summary').replaceChildren(
      h(
        'dl',
        { class: 'definitions' },
        row(this.text('submit.track'), track?.name ?? s.track, 'track'),
        row(this.text('submit.theme'), s.theme === null ? '' : themeLabel, 'track'),
        row(this.text('submit.titleField'), s.title, 'content'),
        row(this.text('submit.abstract'), s.abstract, 'content'),
        row(this.text('submit.sections'), sections, 'content'),
        row(
          this.text('submit.authors'),
          patchBody(s)
            .authors.map((a) => [a.name, a.title, a.affiliation].filter(Boolean).join('，'))
            .join('；'),
          'content',
        ),
        row(
          STEP_LABELS.attachments[this.locale],
          s.attachments
            .map((a, i) => `${i + 1}. ${a.file.filename}${a.caption ? `（${a.caption}）` : ''}`)
            .join('\n'),
          'attachments',
        ),
        row(
          this.text('submit.channel'),
          [channel, needs ? s[needs] : ''].filter(Boolean).join(' · '),
          'channel',
        ),
        row(
          this.text('submit.province'),
          [s.province, s.city].filter(Boolean).join(' '),
          'channel',
        ),
        row(
          this.text('submit.declarations'),
          h('span', { class: 'pre-line' }, declarations),
          'channel',
        ),
      ),
    )
  }
}
