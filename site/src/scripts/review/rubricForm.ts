/**
 * The scoring form of /review/<id> (components/review/RubricForm.astro): one
 * input per criterion built from the rubric, the live weighted total, 保存草稿
 * (PUT) and 提交评分 (POST …/submit) behind a confirm dialog. Once the task is
 * submitted the form stays on the page, read-only, with the stored total.
 */
import { formatTime } from '../../lib/format'
import { clearErrors, clearErrorsOnInput, fieldId, showErrors } from '../../lib/forms'
import { requestJson, type Method } from '../../lib/http'
import {
  COMMENT_MAX,
  formatTotal,
  isOpen,
  liveTotal,
  parseScore,
  reviewBody,
  scoreProblems,
  type ReviewTaskDetail,
  type ReviewTaskState,
  type Scores,
} from '../../lib/review'
import type { Locale } from '../../i18n'
import { tr } from '../../i18n/review'
import { cloneTemplate, part, showSignIn, type ReviewConfig } from './dom'

export interface RubricFormOptions {
  root: HTMLElement
  config: ReviewConfig
  detail: ReviewTaskDetail
  /** Called with the task as the server last answered it, so the page's status follows. */
  onTask: (task: ReviewTaskState) => void
}

interface ScoreInput {
  key: string
  input: HTMLInputElement
}

export function bindRubricForm({ root, config, detail, onTask }: RubricFormOptions): void {
  const { locale } = config
  const { rubric } = detail
  let task = detail.task
  const form = part<HTMLFormElement>(root, 'review-form')
  const fields = part<HTMLFieldSetElement>(form, 'review-fields')
  const comment = part<HTMLTextAreaElement>(form, 'review-comment')
  const commentCount = part(form, 'review-comment-count')
  const total = part<HTMLOutputElement>(form, 'review-total')
  const totalHint = part(form, 'review-total-hint')
  const message = part(form, 'review-message')
  const save = part<HTMLButtonElement>(form, 'review-save')
  const submit = part<HTMLButtonElement>(form, 'review-submit')
  const dialog = part<HTMLDialogElement>(root, 'review-confirm')
  const confirmYes = part<HTMLButtonElement>(dialog, 'review-confirm-yes')
  const buttons = [save, submit, confirmYes]

  const inputs = buildCriteria(form, detail, locale)
  const readScores = (): Scores =>
    Object.fromEntries(inputs.map(({ key, input }) => [key, parseScore(input.value)]))
  const recommendation = () =>
    form.querySelector<HTMLInputElement>('input[name="recommendation"]:checked')?.value

  comment.value = task.comment ?? ''
  const chosen = form.querySelector<HTMLInputElement>(
    `input[name="recommendation"][value="${CSS.escape(task.recommendation ?? '')}"]`,
  )
  if (chosen) {
    chosen.checked = true
  }

  const showTotal = (value: number | null) => {
    total.textContent =
      value === null ? '—' : tr(locale, 'rubric.totalValue', { total: formatTotal(value) })
    total.dataset.total = value === null ? '' : formatTotal(value)
    totalHint.hidden = value !== null
  }
  const countComment = () => {
    commentCount.textContent = tr(locale, 'rubric.counter', {
      n: comment.value.length,
      max: COMMENT_MAX,
    })
  }
  showTotal(liveTotal(rubric, readScores()))
  countComment()
  clearErrorsOnInput(form)
  form.addEventListener('input', () => {
    showTotal(liveTotal(rubric, readScores()))
    countComment()
  })

  const readOnly = (stored: ReviewTaskState) => {
    fields.disabled = true
    part(form, 'review-actions').hidden = true
    part(form, 'review-intro').hidden = true
    const note = part(form, 'review-readonly')
    note.textContent = tr(
      locale,
      stored.status === 'submitted' ? 'rubric.readOnly' : 'rubric.closed',
    )
    note.hidden = false
    form.dataset.readonly = 'true'
    // The stored total is the one that counts; the live one only stands in if the answer lacks it.
    showTotal(typeof stored.total === 'number' ? stored.total : liveTotal(rubric, readScores()))
  }
  if (!isOpen(task.status)) {
    readOnly(task)
  }

  const busy = (on: boolean) => {
    for (const b of buttons) {
      if (on) {
        b.setAttribute('aria-disabled', 'true')
      } else {
        b.removeAttribute('aria-disabled')
      }
    }
  }
  const isBusy = () => save.getAttribute('aria-disabled') === 'true'

  const send = async (kind: 'save' | 'submit'): Promise<void> => {
    const [method, path]: [Method, string] =
      kind === 'save'
        ? ['PUT', `/api/review/tasks/${encodeURIComponent(String(task.id))}`]
        : ['POST', `/api/review/tasks/${encodeURIComponent(String(task.id))}/submit`]
    const scores = readScores()
    const body = reviewBody(rubric, scores, comment.value, recommendation())
    busy(true)
    clearErrors(form)
    message.textContent = tr(locale, kind === 'save' ? 'rubric.saving' : 'rubric.submitting')
    try {
      const reply = await requestJson<{ task?: ReviewTaskState }>(method, path, body)
      if (!reply.ok) {
        message.textContent = ''
        if (reply.status === 401) {
          showSignIn(root, config)
        }
        const problems =
          reply.status === 401
            ? [{ message: tr(locale, 'error.signedOut') }]
            : reply.errors.length > 0
              ? reply.errors
              : [{ message: tr(locale, 'error.failed') }]
        showErrors(form, problems, tr(locale, 'error.summary'))
        return
      }
      const fallback: ReviewTaskState = {
        ...task,
        status: kind === 'save' ? 'draft' : 'submitted',
        ...(kind === 'submit' ? { total: liveTotal(rubric, scores) } : {}),
      }
      task =
        reply.data?.task && typeof reply.data.task.status === 'string' ? reply.data.task : fallback
      onTask(task)
      if (kind === 'save') {
        message.textContent = tr(locale, 'rubric.saved', { time: formatTime(new Date(), locale) })
        return
      }
      readOnly(task)
      message.textContent = tr(locale, 'rubric.submitted', {
        total: total.dataset.total || formatTotal(null),
      })
    } catch {
      message.textContent = ''
      showErrors(form, [{ message: tr(locale, 'error.network') }], tr(locale, 'error.summary'))
    } finally {
      busy(false)
    }
  }

  save.addEventListener('click', () => {
    if (!isBusy()) {
      void send('save')
    }
  })

  // 提交评分 only asks; the dialog's own button sends. Problems the page can see are shown first.
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (isBusy() || form.dataset.readonly) {
      return
    }
    const scores = readScores()
    const problems = [
      ...scoreProblems(rubric, scores).map((p) => ({
        field: `scores.${p.key}`,
        message:
          p.problem === 'missing'
            ? tr(locale, 'error.scoreMissing', { label: p.label })
            : tr(locale, 'error.scoreRange', { label: p.label, max: p.scaleMax }),
      })),
      ...(comment.value.trim().length > COMMENT_MAX
        ? [
            {
              field: 'comment',
              message: tr(locale, 'error.commentLong', {
                max: COMMENT_MAX,
                n: comment.value.trim().length,
              }),
            },
          ]
        : []),
    ]
    if (problems.length > 0) {
      showErrors(form, problems, tr(locale, 'error.summary'))
      return
    }
    clearErrors(form)
    part(dialog, 'review-confirm-text').textContent = tr(locale, 'confirm.text', {
      total: formatTotal(liveTotal(rubric, scores)),
    })
    dialog.showModal()
  })
  confirmYes.addEventListener('click', () => {
    if (isBusy()) {
      return
    }
    // Closed first, so a refusal's messages take the focus rather than the closing dialog.
    dialog.close()
    void send('submit')
  })
  part(dialog, 'review-confirm-no').addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => {
    if (!form.dataset.readonly) {
      submit.focus()
    }
  })
}

/** One labelled input per criterion, in rubric order, filled with what the draft already holds. */
function buildCriteria(form: HTMLElement, detail: ReviewTaskDetail, locale: Locale): ScoreInput[] {
  const inputs: ScoreInput[] = []
  const rows = detail.rubric.map((c) => {
    const row = cloneTemplate(form, 'criterion-template')
    part(row, 'criterion-row').dataset.criterion = c.key
    // The id the shared error display derives from the server's field `scores.<key>`.
    const id = fieldId(`scores.${c.key}`)
    const input = part<HTMLInputElement>(row, 'score-input')
    input.id = id
    input.name = `scores.${c.key}`
    input.max = String(c.scaleMax)
    input.dataset.criterion = c.key
    input.dataset.testid = `review-score-${c.key}`
    const stored = detail.task.scores?.[c.key]
    input.value = typeof stored === 'number' ? String(stored) : ''
    const label = part<HTMLLabelElement>(row, 'criterion-label')
    label.htmlFor = id
    label.textContent = c.label
    part(row, 'criterion-weight').textContent = tr(locale, 'rubric.weight', { weight: c.weight })
    const description = part(row, 'criterion-description')
    description.id = `${id}-description`
    description.textContent = c.description
    description.hidden = !c.description
    const scale = part(row, 'criterion-scale')
    scale.id = `${id}-scale`
    scale.textContent = tr(locale, 'rubric.scale', { max: c.scaleMax })
    input.setAttribute(
      'aria-describedby',
      [c.description ? description.id : '', scale.id].filter(Boolean).join(' '),
    )
    inputs.push({ key: c.key, input })
    return row
  })
  part(form, 'review-criteria').replaceChildren(...rows)
  return inputs
}
