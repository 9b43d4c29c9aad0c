/**
 * <review-task> (components/review/ReviewTask.astro): one review task. The
 * page is the same for everyone; the task, the entry as pinned for review
 * and the rubric are fetched here with the reviewer's own cookie.
 */
import { formatDateTime, isoInstant } from '../../lib/format'
import { getJson } from '../../lib/http'
import {
  isActive,
  isOpen,
  readTaskDetail,
  type ReviewTaskDetail,
  type ReviewTaskState,
} from '../../lib/review'
import { tr } from '../../i18n/review'
import {
  defineElement,
  part,
  readConfig,
  setText,
  showNotice,
  showSignIn,
  statusText,
  dueLeftText,
  type ReviewConfig,
} from './dom'
import { renderEntryBody } from './entryView'
import { bindReasonForms, type LeaveKind } from './reasonForm'
import { bindRubricForm } from './rubricForm'

class ReviewTaskElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) {
      return
    }
    this.dataset.ready = 'true'
    void this.load(readConfig(this), this.dataset.taskId ?? '')
  }

  private async load(config: ReviewConfig, id: string): Promise<void> {
    const { locale } = config
    try {
      const reply = await getJson(`/api/review/tasks/${encodeURIComponent(id)}`)
      if (reply.status === 401) {
        showSignIn(this, config)
        return
      }
      if (!reply.ok) {
        const fallback =
          reply.status === 404
            ? tr(locale, 'task.notFound')
            : reply.status === 403
              ? tr(locale, 'task.forbidden')
              : tr(locale, 'tasks.error')
        showNotice(this, 'review-error', reply.errors[0]?.message ?? fallback)
        return
      }
      const detail = readTaskDetail(reply.data)
      if (!detail) {
        showNotice(this, 'review-error', tr(locale, 'tasks.error'))
        return
      }
      this.render(config, detail)
    } catch {
      showNotice(this, 'review-error', tr(locale, 'error.network'))
    } finally {
      part(this, 'review-loading').hidden = true
      this.dataset.loaded = 'true'
    }
  }

  private render(config: ReviewConfig, detail: ReviewTaskDetail): void {
    const { locale } = config
    const { entry, task } = detail
    // Shown before the status is applied, which hides it again for a task the reviewer has left.
    part(this, 'review-detail').hidden = false
    const title = entry.title?.trim() || tr(locale, 'tasks.untitled')
    part(this, 'entry-title').textContent = title
    document.title = `${title} | ${document.title}`
    part(this, 'entry-meta').textContent = [
      entry.number ? `${tr(locale, 'tasks.number')} ${entry.number}` : tr(locale, 'tasks.noNumber'),
      entry.trackName ?? entry.track ?? '',
    ]
      .filter(Boolean)
      .join(' · ')
    this.showStatus(config, task)
    part(this, 'review-blind').hidden = detail.blind !== true
    renderEntryBody(this, detail, locale)

    bindRubricForm({ root: this, config, detail, onTask: (next) => this.showStatus(config, next) })
    bindReasonForms(this, config, task.id, (kind) => this.left(config, kind))
  }

  /** The status badge and due line, as the server last answered; the element's data-status follows. */
  private showStatus(config: ReviewConfig, task: ReviewTaskState): void {
    const { locale } = config
    const badge = part(this, 'review-status')
    badge.className = `badge badge--${task.status}`
    badge.dataset.status = task.status
    badge.textContent = statusText(locale, task.status)
    this.dataset.status = task.status
    // Conflict and decline are for work not yet finished; a submitted review is reopened by an editor.
    part(this, 'review-leave').hidden = !isOpen(task.status)
    if (task.dueAt) {
      part(this, 'entry-due').hidden = false
      const at = part<HTMLTimeElement>(this, 'entry-due-at')
      at.dateTime = isoInstant(task.dueAt)
      at.textContent = tr(locale, 'tasks.due', { dueAt: formatDateTime(task.dueAt, locale) })
      setText(
        part(this, 'entry-due-left'),
        isOpen(task.status) ? dueLeftText(config, task.dueAt) : '',
      )
    }
    if (!isActive(task.status)) {
      this.left(config, task.status === 'conflicted' ? 'conflict' : 'decline')
    }
  }

  /** The reviewer declined or declared a conflict: the entry is no longer theirs to read. */
  private left(config: ReviewConfig, kind: LeaveKind): void {
    this.dataset.status = kind === 'conflict' ? 'conflicted' : 'declined'
    part(this, 'review-detail').hidden = true
    part(this, 'review-done-text').textContent = tr(
      config.locale,
      kind === 'conflict' ? 'conflict.done' : 'decline.done',
    )
    const done = part(this, 'review-done')
    done.hidden = false
    done.tabIndex = -1
    done.focus()
  }
}

defineElement('review-task', ReviewTaskElement)
