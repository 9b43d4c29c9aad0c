/** The submission form's steps drawn from its state: track, content, sections, authors, attachments, channel. */
import { FILE_KIND_LABELS } from '@exemplar/plugin-submissions/rules'

import { channelField, STEPS, type DeclarationKey } from '../../lib/submission'
import { acceptAttribute, formatClock, formatSize, move } from '../../lib/uploads'

import { h } from './dom'
import type { SubmissionForm } from './form'
import { renderPending } from './uploadQueue'
import { renderCounters, renderErrors, renderReview } from './renderChecks'

export function renderAll(form: SubmissionForm): void {
  renderTrack(form)
  renderSections(form)
  renderAuthors(form)
  renderAttachmentRules(form)
  renderAttachments(form)
  renderPending(form)
  renderChannel(form)
  fillInputs(form)
  renderSteps(form)
  renderCounters(form)
  if (form.step === 'review') {
    renderReview(form)
  }
  renderErrors(form)
}

export function renderSteps(form: SubmissionForm): void {
  for (const step of STEPS) {
    form.el(`step-${step}`).hidden = step !== form.step
    const tab = form.el(`step-tab-${step}`)
    if (step === form.step) {
      tab.setAttribute('aria-current', 'step')
    } else {
      tab.removeAttribute('aria-current')
    }
  }
  const index = STEPS.indexOf(form.step)
  form.el('step-prev').hidden = index === 0
  form.el('step-next').hidden = index === STEPS.length - 1
}

export function renderTrack(form: SubmissionForm): void {
  for (const radio of form.form.querySelectorAll<HTMLInputElement>('input[name="track"]')) {
    radio.checked = radio.value === form.state.track
  }
  for (const rules of form.form.querySelectorAll<HTMLElement>('[data-track-rules]')) {
    rules.hidden = rules.dataset.trackRules !== form.state.track
  }
  const theme = document.getElementById('field-theme') as HTMLSelectElement | null
  if (theme) {
    theme.value = form.state.theme === null ? '' : String(form.state.theme)
  }
  renderTrackLock(form)
}

export function renderTrackLock(form: SubmissionForm): void {
  const locked = form.state.entryId !== undefined
  for (const radio of form.form.querySelectorAll<HTMLInputElement>('input[name="track"]')) {
    radio.disabled = locked && radio.value !== form.state.track
  }
  form.el('track-locked').hidden = !locked
}

export function fillInputs(form: SubmissionForm): void {
  const set = (id: string, value: string) => {
    const input = document.getElementById(id) as HTMLInputElement | null
    if (input) {
      input.value = value
    }
  }
  set('field-title', form.state.title)
  set('field-abstract', form.state.abstract)
  set('field-recommendingUnit', form.state.recommendingUnit)
  set('field-informationSource', form.state.informationSource)
  set('field-city', form.state.city)
  set('field-province', form.state.province)
  for (const radio of form.form.querySelectorAll<HTMLInputElement>('input[name="channel"]')) {
    radio.checked = radio.value === form.state.channel
  }
  for (const box of form.form.querySelectorAll<HTMLInputElement>('input[name^="declarations."]')) {
    box.checked = form.state.declarations[box.name.split('.')[1] as DeclarationKey] === true
  }
}

export function renderSections(form: SubmissionForm): void {
  const required = new Set(form.track?.requirements?.requiredSections ?? [])
  const list = form.el('sections-list')
  list.replaceChildren(
    ...form.state.sections.map((section, i) => {
      const fixed = required.has(section.heading)
      const heading = h('input', {
        id: `field-sections-${i}-heading`,
        name: `sections.${i}.heading`,
        type: 'text',
        value: section.heading,
        readonly: fixed,
        'data-testid': `section-heading-${i}`,
        'aria-label': `${form.text('submit.sectionHeading')} ${i + 1}`,
      })
      const body = h('textarea', {
        id: `field-sections-${i}-body`,
        name: `sections.${i}.body`,
        rows: '8',
        'data-testid': `section-body-${i}`,
        'aria-label': `${section.heading || form.text('submit.sectionBody')}`,
        'aria-describedby': `counter-sections-${i}-body`,
      })
      body.value = section.body
      heading.addEventListener('input', () => {
        form.state.sections[i]!.heading = heading.value
        body.setAttribute('aria-label', heading.value || form.text('submit.sectionBody'))
        form.changed(`sections.${i}.heading`)
      })
      body.addEventListener('input', () => {
        form.state.sections[i]!.body = body.value
        form.changed(`sections.${i}.body`)
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
          form.text('submit.removeSection'),
        )
        remove.addEventListener('click', () => {
          form.state.sections.splice(i, 1)
          renderSections(form)
          form.changed('sections')
        })
        item.append(remove)
      }
      return item
    }),
  )
}

export function renderAuthors(form: SubmissionForm): void {
  const list = form.el('authors-list')
  const fields = ['name', 'title', 'affiliation'] as const
  const labels = {
    name: form.text('submit.authorName'),
    title: form.text('submit.authorTitle'),
    affiliation: form.text('submit.authorAffiliation'),
  }
  list.replaceChildren(
    ...form.state.authors.map((author, i) => {
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
          form.state.authors[i]![field] = input.value
          form.changed(`authors.${i}.${field}`)
        })
        row.append(h('label', { for: id }, labels[field]), input)
      }
      if (form.state.authors.length > 1) {
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'button button--secondary',
            'data-testid': `remove-author-${i}`,
          },
          form.text('submit.removeAuthor'),
        )
        remove.addEventListener('click', () => {
          form.state.authors.splice(i, 1)
          renderAuthors(form)
          form.changed('authors')
        })
        row.append(remove)
      }
      return row
    }),
  )
}

export function renderAttachmentRules(form: SubmissionForm): void {
  const r = form.track?.requirements
  form.el<HTMLInputElement>('field-file').accept = acceptAttribute(r?.allowedFileKinds)
  const rules = form.form.querySelector<HTMLElement>(
    `[data-track-rules="${CSS.escape(form.state.track)}"] ul`,
  )
  form
    .el('attachment-rules')
    .replaceChildren(...[...(rules?.children ?? [])].map((li) => li.cloneNode(true)))
}

export function renderAttachments(form: SubmissionForm): void {
  const list = form.el('attachments-list')
  const captionMax = form.track?.requirements?.captionMaxChars ?? undefined
  const count = form.state.attachments.length
  list.replaceChildren(
    ...form.state.attachments.map((attachment, i) => {
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
        form.state.attachments[i]!.caption = caption.value
        form.changed(`attachments.${i}.caption`)
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
          h('label', { for: caption.id }, form.text('submit.caption')),
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
              form.text('submit.moveUp'),
              `attachment-up-${i}`,
              () => moveAttachment(form, i, i - 1),
              i === 0,
            ),
            button(
              form.text('submit.moveDown'),
              `attachment-down-${i}`,
              () => moveAttachment(form, i, i + 1),
              i === count - 1,
            ),
            button(form.text('submit.remove'), `attachment-remove-${i}`, () => {
              form.state.attachments.splice(i, 1)
              renderAttachments(form)
              form.changed('attachments')
            }),
          ),
        ),
      )
    }),
  )
  form.el('no-attachments').hidden = count > 0
  renderCounters(form)
}

export function moveAttachment(form: SubmissionForm, from: number, to: number): void {
  form.state.attachments = move(form.state.attachments, from, to)
  renderAttachments(form)
  form.changed('attachments')
  document
    .querySelector<HTMLButtonElement>(
      `[data-testid="attachment-${to < from ? 'up' : 'down'}-${to}"]`,
    )
    ?.focus()
}

export function renderChannel(form: SubmissionForm): void {
  const needs = channelField(form.state.channel)
  form.el('wrap-recommendingUnit').hidden = needs !== 'recommendingUnit'
  form.el('wrap-informationSource').hidden = needs !== 'informationSource'
}
