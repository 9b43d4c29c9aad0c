/**
 * 申报回避 and 拒绝评审 on /review/<id> (components/review/ReasonForm.astro):
 * each a small inline form asking why, posted to …/conflict or …/decline.
 * Either way the reviewer leaves the entry, so success hands the page back
 * to the caller to say so.
 */
import { clearErrors, clearErrorsOnInput, showErrors } from '../../lib/forms'
import { postJson } from '../../lib/http'
import { REASON_MAX, reasonProblem, scopeProblems } from '../../lib/review'
import { tr } from '../../i18n/review'
import { part, showSignIn, type ReviewConfig } from './dom'

export type LeaveKind = 'conflict' | 'decline'

const isLeaveKind = (value: string | undefined): value is LeaveKind =>
  value === 'conflict' || value === 'decline'

export function bindReasonForms(
  root: HTMLElement,
  config: ReviewConfig,
  taskId: string | number,
  onLeft: (kind: LeaveKind) => void,
): void {
  const { locale } = config
  const boxes = [...root.querySelectorAll<HTMLElement>('[data-reason]')]
  const forms = boxes.map((box) => {
    const kind = box.dataset.reason
    return { box, kind, opener: part<HTMLButtonElement>(box, 'reason-open') }
  })
  const close = (box: HTMLElement, opener: HTMLButtonElement) => {
    part(box, 'reason-form').hidden = true
    opener.setAttribute('aria-expanded', 'false')
  }

  for (const { box, kind, opener } of forms) {
    if (!isLeaveKind(kind)) {
      continue
    }
    const form = part<HTMLFormElement>(box, 'reason-form')
    const input = part<HTMLTextAreaElement>(form, 'reason-input')
    const count = part(form, 'reason-count')
    const status = part(form, 'reason-status')
    const send = part<HTMLButtonElement>(form, 'reason-send')
    clearErrorsOnInput(form)

    opener.addEventListener('click', () => {
      const opening = form.hidden
      // One reason form at a time: the two actions are alternatives.
      for (const other of forms) {
        close(other.box, other.opener)
      }
      if (opening) {
        form.hidden = false
        opener.setAttribute('aria-expanded', 'true')
        input.focus()
      }
    })
    part(form, 'reason-cancel').addEventListener('click', () => {
      close(box, opener)
      opener.focus()
    })
    input.addEventListener('input', () => {
      count.textContent = tr(locale, 'rubric.counter', { n: input.value.length, max: REASON_MAX })
    })

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      if (send.getAttribute('aria-disabled') === 'true') {
        return
      }
      const reason = input.value.trim()
      const problem = reasonProblem(reason)
      if (problem) {
        const message =
          problem === 'missing'
            ? tr(locale, 'error.reasonMissing')
            : tr(locale, 'error.reasonLong', { max: REASON_MAX, n: reason.length })
        showErrors(form, [{ field: `${kind}.reason`, message }], tr(locale, 'error.summary'))
        return
      }
      clearErrors(form)
      send.setAttribute('aria-disabled', 'true')
      status.textContent = tr(locale, 'rubric.submitting')
      const path = `/api/review/tasks/${encodeURIComponent(String(taskId))}/${kind}`
      void postJson(path, { reason })
        .then((reply) => {
          status.textContent = ''
          if (reply.ok) {
            onLeft(kind)
            return
          }
          if (reply.status === 401) {
            showSignIn(root, config)
          }
          const problems =
            reply.status === 401
              ? [{ message: tr(locale, 'error.signedOut') }]
              : reply.errors.length > 0
                ? scopeProblems(reply.errors, kind)
                : [{ message: tr(locale, 'error.failed') }]
          showErrors(form, problems, tr(locale, 'error.summary'))
        })
        .catch(() => {
          status.textContent = ''
          showErrors(form, [{ message: tr(locale, 'error.network') }], tr(locale, 'error.summary'))
        })
        .finally(() => send.removeAttribute('aria-disabled'))
    })
  }
}
