/**
 * <review-tasks> (components/review/ReviewTasks.astro): the reviewer's task
 * list. The page is the same for everyone; the tasks are fetched here with
 * the reviewer's own cookie through the site's /api proxy.
 */
import { formatDateTime, isoInstant } from '../../lib/format'
import { getJson } from '../../lib/http'
import {
  formatTotal,
  isActive,
  isOpen,
  readTaskList,
  sortTasks,
  taskHref,
  type ReviewTaskSummary,
} from '../../lib/review'
import { tr } from '../../i18n/review'
import {
  cloneTemplate,
  defineElement,
  dueLeftText,
  part,
  readConfig,
  setText,
  showNotice,
  showSignIn,
  statusText,
  type ReviewConfig,
} from './dom'

class ReviewTasksElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) {
      return
    }
    this.dataset.ready = 'true'
    void this.load(readConfig(this))
  }

  private async load(config: ReviewConfig): Promise<void> {
    const { locale } = config
    try {
      const reply = await getJson('/api/review/tasks')
      if (reply.status === 401) {
        showSignIn(this, config)
        return
      }
      if (reply.status === 403) {
        showNotice(this, 'review-forbidden')
        return
      }
      if (!reply.ok) {
        showNotice(this, 'review-error', reply.errors[0]?.message ?? tr(locale, 'tasks.error'))
        return
      }
      this.render(config, readTaskList(reply.data))
    } catch {
      showNotice(this, 'review-error', tr(locale, 'error.network'))
    } finally {
      part(this, 'review-loading').hidden = true
      this.dataset.loaded = 'true'
    }
  }

  private render(config: ReviewConfig, list: ReturnType<typeof readTaskList>): void {
    const { locale } = config
    const { assigned, submitted } = list.progress
    part(this, 'review-progress-text').textContent = tr(locale, 'tasks.progress', {
      submitted,
      assigned,
    })
    const bar = part<HTMLProgressElement>(this, 'review-progress-bar')
    bar.max = Math.max(assigned, 1)
    bar.value = Math.min(submitted, bar.max)
    part(this, 'review-empty').hidden = list.tasks.length > 0
    part(this, 'review-list').replaceChildren(
      ...sortTasks(list.tasks).map((task) => this.card(config, task)),
    )
    part(this, 'review-main').hidden = false
  }

  private card(config: ReviewConfig, task: ReviewTaskSummary): DocumentFragment {
    const { locale } = config
    const card = cloneTemplate(this, 'review-card-template')
    const li = part(card, 'review-task-card')
    li.dataset.taskId = String(task.id)
    li.dataset.status = task.status
    const title = task.entry.title?.trim() || tr(locale, 'tasks.untitled')
    setText(
      part(card, 'card-number'),
      task.entry.number
        ? `${tr(locale, 'tasks.number')} ${task.entry.number}`
        : tr(locale, 'tasks.noNumber'),
    )
    setText(part(card, 'card-track'), task.entry.trackName ?? task.entry.track)
    setText(part(card, 'card-campaign'), task.campaign?.title)

    // A declined or conflicted entry is no longer readable, so it is listed without a link.
    const link = part<HTMLAnchorElement>(card, 'review-task-link')
    if (isActive(task.status)) {
      link.href = taskHref(config.reviewPath, task.id)
      link.textContent = title
    } else {
      link.remove()
      setText(part(card, 'card-title'), `${title}（${tr(locale, 'tasks.closed')}）`)
    }

    const badge = part(card, 'card-status')
    badge.classList.add(`badge--${task.status}`)
    badge.dataset.status = task.status
    badge.textContent = statusText(locale, task.status)

    if (typeof task.total === 'number') {
      setText(
        part(card, 'card-total'),
        tr(locale, 'tasks.total', { total: formatTotal(task.total) }),
      )
    }
    if (task.dueAt) {
      part(card, 'card-due').hidden = false
      const at = part<HTMLTimeElement>(card, 'card-due-at')
      at.dateTime = isoInstant(task.dueAt)
      at.textContent = tr(locale, 'tasks.due', { dueAt: formatDateTime(task.dueAt, locale) })
      if (isOpen(task.status)) {
        setText(part(card, 'card-due-left'), dueLeftText(config, task.dueAt))
      }
    }
    return card
  }
}

defineElement('review-tasks', ReviewTasksElement)
