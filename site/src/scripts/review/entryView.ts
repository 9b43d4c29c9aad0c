/**
 * The entry as the reviewer reads it on /review/<id>. Every string comes
 * from the server and may hold anything a participant typed, so all of it
 * goes in as text nodes; files are shown from the task's own file route.
 */
import { attachmentView, type ReviewAttachment, type ReviewTaskDetail } from '../../lib/review'
import type { Locale } from '../../i18n'
import { tr } from '../../i18n/review'
import { part } from './dom'

function textBlock(tag: 'h3' | 'p', text: string, className?: string): HTMLElement {
  const el = document.createElement(tag)
  el.textContent = text
  if (className) {
    el.className = className
  }
  return el
}

export function renderEntryBody(root: HTMLElement, detail: ReviewTaskDetail, locale: Locale): void {
  const { entry } = detail
  const blocks: HTMLElement[] = []
  if (entry.abstract?.trim()) {
    blocks.push(
      textBlock('h3', tr(locale, 'task.abstract')),
      textBlock('p', entry.abstract, 'pre-line'),
    )
  }
  for (const section of entry.sections ?? []) {
    if (section.heading?.trim()) {
      blocks.push(textBlock('h3', section.heading))
    }
    if (section.body?.trim()) {
      blocks.push(textBlock('p', section.body, 'pre-line'))
    }
  }
  part(root, 'entry-body').replaceChildren(...blocks)

  const files = entry.attachments ?? []
  part(root, 'entry-no-attachments').hidden = files.length > 0
  part(root, 'entry-attachments').replaceChildren(
    ...files.map((file, i) => attachmentItem(file, i, locale)),
  )
}

function link(href: string, text: string, download = false): HTMLAnchorElement {
  const a = document.createElement('a')
  a.href = href
  a.textContent = text
  if (download) {
    // The route names the file 附件N.ext itself (Content-Disposition), so no name is given here.
    a.download = ''
  }
  return a
}

function attachmentItem(file: ReviewAttachment, i: number, locale: Locale): HTMLLIElement {
  const li = document.createElement('li')
  li.className = 'review-attachment'
  const view = attachmentView(file)
  li.dataset.view = view
  li.dataset.testid = 'review-attachment'
  // Numbered by position, the way the file route names the download (附件N).
  const name = tr(locale, 'task.attachment', { n: i + 1 })
  const caption = file.caption?.trim()
  const figure = document.createElement('figure')
  figure.className = 'figure review-attachment__figure'

  if (view === 'image') {
    const img = document.createElement('img')
    img.src = file.url
    img.alt = caption || name
    img.loading = 'lazy'
    img.decoding = 'async'
    figure.append(img)
  } else if (view === 'video' || view === 'audio') {
    const player = document.createElement(view)
    player.controls = true
    player.preload = 'metadata'
    player.src = file.url
    if (player instanceof HTMLVideoElement) {
      player.playsInline = true
    }
    // Shown only by a browser without the element; the note below covers a format it cannot play.
    player.append(link(file.url, `${tr(locale, 'task.download')} ${name}`, true))
    figure.append(player)
  } else if (view === 'pdf') {
    // No <iframe>/<object>: the API forbids framing its files (frame-ancestors 'none') and the
    // page policy forbids objects, so the browser's own viewer opens it in a new tab.
    const open = link(file.url, `${tr(locale, 'task.openPdf')}：${name}`)
    open.target = '_blank'
    open.rel = 'noopener'
    open.className = 'button button--secondary review-attachment__open'
    figure.append(open)
  }

  const caption_ = document.createElement('figcaption')
  caption_.className = 'review-attachment__caption'
  caption_.append(textBlock('p', caption ? `${name}：${caption}` : name, 'pre-line'))
  const actions = document.createElement('p')
  actions.className = 'review-attachment__actions'
  actions.append(link(file.url, `${tr(locale, 'task.download')} ${name}`, true))
  caption_.append(actions)
  if (view === 'video' || view === 'audio') {
    caption_.append(textBlock('p', tr(locale, 'task.noPlayer'), 'muted'))
  }
  figure.append(caption_)
  li.append(figure)
  return li
}
