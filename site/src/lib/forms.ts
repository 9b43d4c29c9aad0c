/**
 * Shared client-side form helpers: the field errors of the CMS's answers
 * (lib/http sends and reads them), and error rendering next to the inputs.
 * Inputs are named by the contract's dotted paths
 * (`institution.campuses.0.name`) and carry the id `field-<path with dashes>`,
 * so a server error lands beside the input that caused it.
 *
 * The pure parts (error reading, id mapping, serialization) are unit-tested;
 * the DOM parts only touch elements and never throw on a missing one.
 */
import { problemsIn } from './http'

export interface FieldError {
  /** Dotted path of the input, or '' for an error about the whole form. */
  field: string
  message: string
  limit?: number | string
}

/**
 * Field errors from any error shape this platform answers (lib/http reads
 * them): ours (`{ errors: [{ field, message }] }`) and Payload's collection
 * routes (`{ errors: [{ message, data: { errors: [{ path, message }] } }] }`).
 */
export function readFieldErrors(body: unknown): FieldError[] {
  return problemsIn(body).map(({ field, message, limit }) => ({
    field: field ?? '',
    message,
    ...(limit !== undefined ? { limit } : {}),
  }))
}

/** The id of the input for a dotted path: institution.campuses.0.name → field-institution-campuses-0-name. */
export function fieldId(field: string): string {
  return `field-${field.replace(/[^\w-]+/g, '-')}`
}

/**
 * Ids to try for an error, most specific first, so `partner.embedDomains.2`
 * falls back to the domains' group when that row has no input of its own.
 */
export function fieldIdCandidates(field: string): string[] {
  const parts = field.split('.').filter(Boolean)
  const ids: string[] = []
  for (let n = parts.length; n > 0; n--) {
    ids.push(fieldId(parts.slice(0, n).join('.')))
  }
  return ids
}

export interface SerializeOptions {
  /** Checkbox names whose value is `true` when checked, `false` when absent. */
  booleans?: readonly string[]
  /** Names that may repeat (checkbox groups), always sent as arrays. */
  lists?: readonly string[]
  /** Names sent exactly as typed (passwords); every other value is trimmed. */
  untrimmed?: (name: string) => boolean
}

type Json = string | boolean | Json[] | { [key: string]: Json }
type Container = Record<string, Json> | Json[]

const isIndex = (segment: string) => /^\d+$/.test(segment)

/**
 * Form entries in the contract's JSON shape: dotted names become nested
 * objects, numeric segments become arrays (rows of a repeatable group, in
 * index order, without holes).
 */
export function serializeForm(
  entries: Iterable<readonly [string, string]>,
  options: SerializeOptions = {},
): Record<string, Json> {
  const root: Record<string, Json> = {}
  const booleans = new Set(options.booleans ?? [])
  const lists = new Set(options.lists ?? [])
  const untrimmed = options.untrimmed ?? ((name: string) => /password/i.test(name))

  const assign = (path: string[], value: Json, append: boolean) => {
    let node: Container = root
    path.forEach((segment, i) => {
      const last = i === path.length - 1
      const key: string | number = Array.isArray(node) ? Number(segment) : segment
      const holder = node as Record<string | number, Json>
      if (last) {
        if (append) {
          const current = holder[key]
          holder[key] = Array.isArray(current) ? [...current, value] : [value]
        } else {
          holder[key] = value
        }
        return
      }
      if (holder[key] === undefined || typeof holder[key] !== 'object') {
        holder[key] = isIndex(path[i + 1] ?? '') ? [] : {}
      }
      node = holder[key] as Container
    })
  }

  for (const name of booleans) {
    assign(name.split('.'), false, false)
  }
  for (const name of lists) {
    assign(name.split('.'), [], false)
  }
  for (const [name, raw] of entries) {
    const value = untrimmed(name) ? raw : raw.trim()
    if (booleans.has(name)) {
      assign(name.split('.'), value !== '' && value !== 'false', false)
    } else {
      assign(name.split('.'), value, lists.has(name))
    }
  }
  return compact(root) as Record<string, Json>
}

/** Arrays filled by index can have holes (a removed row); close them. */
function compact(value: Json): Json {
  if (Array.isArray(value)) {
    return value.filter((v) => v !== undefined).map(compact)
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]))
  }
  return value
}

/** Remove every error shown by `showErrors`. */
export function clearErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll('[data-field-error]')) {
    el.remove()
  }
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid')
    const described = (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && !id.endsWith('-error'))
    if (described.length > 0) {
      el.setAttribute('aria-describedby', described.join(' '))
    } else {
      el.removeAttribute('aria-describedby')
    }
  }
  const summary = form.querySelector<HTMLElement>('[data-error-summary]')
  if (summary) {
    summary.hidden = true
    summary.replaceChildren()
  }
}

/**
 * Show each error beside its input (or the nearest group for the path) and
 * all of them in the form's `[data-error-summary]`, which takes the focus so
 * a screen reader hears them. Errors without a matching input appear only in
 * the summary. Returns the first input with an error.
 */
export function showErrors(
  form: HTMLElement,
  errors: readonly { field?: string; message: string }[],
  heading = '请修改以下内容：',
): HTMLElement | undefined {
  clearErrors(form)
  let first: HTMLElement | undefined
  const items: HTMLLIElement[] = []
  for (const error of errors) {
    const target = fieldIdCandidates(error.field ?? '')
      .map((id) => form.querySelector<HTMLElement>(`#${CSS.escape(id)}`))
      .find((el): el is HTMLElement => el !== null)
    const item = document.createElement('li')
    if (target) {
      const errorId = `${target.id}-error`
      let note = form.querySelector<HTMLElement>(`#${CSS.escape(errorId)}`)
      if (!note) {
        note = document.createElement('p')
        note.id = errorId
        note.className = 'field-error'
        note.dataset.fieldError = ''
        const wrapper = target.closest('[data-field]')
        if (wrapper) {
          wrapper.append(note)
        } else {
          target.after(note)
        }
      }
      note.textContent = note.textContent ? `${note.textContent} ${error.message}` : error.message
      target.setAttribute('aria-invalid', 'true')
      const described = new Set((target.getAttribute('aria-describedby') ?? '').split(' '))
      described.add(errorId)
      target.setAttribute('aria-describedby', [...described].filter(Boolean).join(' '))
      first ??= target
      const link = document.createElement('a')
      link.href = `#${target.id}`
      link.textContent = error.message
      item.append(link)
    } else {
      item.textContent = error.message
    }
    items.push(item)
  }
  const summary = form.querySelector<HTMLElement>('[data-error-summary]')
  if (summary && items.length > 0) {
    const title = document.createElement('p')
    title.className = 'error-summary__title'
    title.textContent = heading
    const list = document.createElement('ul')
    list.append(...items)
    summary.replaceChildren(title, list)
    summary.hidden = false
    summary.tabIndex = -1
    summary.focus()
  } else {
    first?.focus()
  }
  return first
}

/** Once the reader edits an input, its old error no longer describes it; the summary stays until the next try. */
export function clearErrorsOnInput(form: HTMLElement): void {
  const clear = (event: Event) => {
    const input = event.target
    if (!(input instanceof HTMLElement) || input.getAttribute('aria-invalid') !== 'true') {
      return
    }
    form.querySelector(`#${CSS.escape(`${input.id}-error`)}`)?.remove()
    input.removeAttribute('aria-invalid')
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && id !== `${input.id}-error`)
    if (described.length > 0) {
      input.setAttribute('aria-describedby', described.join(' '))
    } else {
      input.removeAttribute('aria-describedby')
    }
  }
  form.addEventListener('input', clear)
  form.addEventListener('change', clear)
}
