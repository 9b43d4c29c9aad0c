/** The submission form's uploads: plain and resumable (tus) transfers, their progress and results. */
import { ALLOWED_KIND_NAMES } from '@exemplar/plugin-submissions/rules'
import * as tus from 'tus-js-client'

import {
  COMPLETE_PATH,
  formatSize,
  guessKind,
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

import { bodyOf, requestJson } from '../../lib/http'
import { h } from './dom'
import type { SubmissionForm } from './form'
import type { PendingUpload } from './formTypes'
import { renderAttachments } from './renderParts'

export function imageCount(form: SubmissionForm): number {
  const done = form.state.attachments.filter((a) => a.file.kind === 'image').length
  const running = form.pending.filter(
    (p) => p.phase !== 'failed' && guessKind(p.file) === 'image',
  ).length
  return done + running
}

export function addFiles(form: SubmissionForm, files: File[]): void {
  for (const file of files) {
    const problems = precheckFile(
      form.track?.requirements,
      file,
      imageCount(form),
      (kind) => ALLOWED_KIND_NAMES[kind] ?? kind,
    )
    const upload: PendingUpload = {
      uid: ++form.uploadSeq,
      file,
      loaded: 0,
      total: file.size,
      phase: problems.length > 0 ? 'failed' : 'uploading',
      messages: problems.map((p) => p.message),
    }
    form.pending.push(upload)
    if (upload.phase === 'uploading') {
      if (uploadRoute(file) === 'tus') {
        startTus(form, upload)
      } else {
        startXhr(form, upload)
      }
    }
  }
  renderPending(form)
}

export function startXhr(form: SubmissionForm, upload: PendingUpload): void {
  const xhr = new XMLHttpRequest()
  xhr.open('POST', UPLOAD_PATH)
  xhr.setRequestHeader('accept', 'application/json')
  xhr.upload.onprogress = (event) => {
    upload.loaded = event.loaded
    upload.total = event.lengthComputable ? event.total : upload.file.size
    renderProgress(form, upload)
  }
  xhr.upload.onload = () => {
    upload.phase = 'inspecting'
    renderProgress(form, upload)
  }
  xhr.onload = () => {
    let body: unknown = null
    try {
      body = JSON.parse(xhr.responseText) as unknown
    } catch {
      // A proxy's HTML error page: the status alone explains it.
    }
    finishUpload(form, upload, readUploadAnswer(xhr.status, body))
  }
  xhr.onerror = () => finishUpload(form, upload, readUploadAnswer(0, null))
  const data = new FormData()
  data.append('file', upload.file)
  data.append('campaign', String(form.state.campaign))
  data.append('track', form.state.track)
  upload.abort = () => xhr.abort()
  xhr.send(data)
}

export function startTus(form: SubmissionForm, upload: PendingUpload): void {
  const tusUpload = new tus.Upload(upload.file, {
    endpoint: TUS_PATH,
    chunkSize: TUS_CHUNK_BYTES,
    retryDelays: TUS_RETRY_DELAYS,
    metadata: tusMetadata(upload.file, form.state.campaign, form.state.track),
    removeFingerprintOnSuccess: true,
    onProgress: (loaded, total) => {
      upload.loaded = loaded
      upload.total = total
      renderProgress(form, upload)
    },
    onError: (error) => {
      const response = (error as tus.DetailedError).originalResponse
      let body: unknown = null
      try {
        body = JSON.parse(response?.getBody() ?? '') as unknown
      } catch {
        // tus answers errors as plain text; the status says enough.
      }
      finishUpload(form, upload, readUploadAnswer(response?.getStatus() ?? 0, body))
    },
    onSuccess: () => {
      upload.phase = 'inspecting'
      renderProgress(form, upload)
      void completeTus(form, upload, uploadIdFromUrl(tusUpload.url ?? ''))
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

export async function completeTus(
  form: SubmissionForm,
  upload: PendingUpload,
  uploadId: string,
): Promise<void> {
  try {
    const answer = await requestJson('POST', COMPLETE_PATH, { uploadId })
    finishUpload(form, upload, readUploadAnswer(answer.status, bodyOf(answer)))
  } catch {
    finishUpload(form, upload, readUploadAnswer(0, null))
  }
}

export function finishUpload(
  form: SubmissionForm,
  upload: PendingUpload,
  answer: UploadAnswer,
): void {
  if (!form.pending.includes(upload)) {
    return
  }
  if (answer.ok) {
    form.pending = form.pending.filter((p) => p !== upload)
    form.state.attachments.push({ file: answer.file, caption: '' })
    renderPending(form)
    renderAttachments(form)
    form.changed('attachments')
    return
  }
  upload.phase = 'failed'
  upload.messages = answer.messages
  renderPending(form)
}

/** Uploads tus remembers from an earlier visit: pick the same file again to continue. */
export async function showResumableUploads(form: SubmissionForm): Promise<void> {
  if (!tus.canStoreURLs) {
    return
  }
  const previous = await tus.defaultOptions.urlStorage.findAllUploads().catch(() => [])
  const names = previous
    .filter((p) => p.metadata.campaign === String(form.state.campaign))
    .map((p) => p.metadata.filename)
    .filter((name): name is string => Boolean(name))
  if (names.length > 0) {
    const box = form.el('resumable-notice')
    box.textContent = form.text('submit.resumable', { names: [...new Set(names)].join('、') })
    box.hidden = false
  }
}

export function renderPending(form: SubmissionForm): void {
  form.el('uploads-pending').replaceChildren(
    ...form.pending.map((upload) => {
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
            `${form.text('submit.uploadFailed')}：${upload.messages.join('；')}`,
          ),
        )
        const dismiss = h(
          'button',
          { type: 'button', class: 'button button--secondary', 'data-testid': 'upload-dismiss' },
          form.text('submit.remove'),
        )
        dismiss.addEventListener('click', () => {
          form.pending = form.pending.filter((p) => p !== upload)
          renderPending(form)
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
          'aria-label': `${form.text('submit.uploading')} ${upload.file.name}`,
        }),
        h(
          'span',
          { class: 'counter', id: `upload-progress-text-${upload.uid}` },
          progressLabel(form, upload),
        ),
      )
      const cancel = h(
        'button',
        { type: 'button', class: 'button button--secondary', 'data-testid': 'upload-cancel' },
        form.text('submit.cancelUpload'),
      )
      cancel.addEventListener('click', () => {
        upload.abort?.()
        form.pending = form.pending.filter((p) => p !== upload)
        renderPending(form)
      })
      item.append(cancel)
      return item
    }),
  )
}

export function progressLabel(form: SubmissionForm, upload: PendingUpload): string {
  return upload.phase === 'inspecting'
    ? form.text('submit.inspecting')
    : progressText(upload.loaded, upload.total)
}

export function renderProgress(form: SubmissionForm, upload: PendingUpload): void {
  const bar = document.getElementById(`upload-progress-${upload.uid}`) as HTMLProgressElement | null
  const label = document.getElementById(`upload-progress-text-${upload.uid}`)
  if (!bar || !label) {
    renderPending(form)
    return
  }
  bar.value = percent(upload.loaded, upload.total)
  label.textContent = progressLabel(form, upload)
  bar.closest('li')?.setAttribute('data-phase', upload.phase)
}
