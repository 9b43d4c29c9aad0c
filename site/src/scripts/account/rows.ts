/**
 * Repeatable rows (components/account/Repeat.astro): rows come from a
 * <template> whose names hold `__i__`; after every add or remove the rows are
 * renumbered 0..n-1, so the names, ids and the server's error paths
 * (`institution.campuses.1.name`) always agree.
 */
const PLACEHOLDER = '__i__'
const ATTRS = ['name', 'id', 'for', 'aria-describedby', 'data-testid'] as const

function renumber(group: HTMLElement): void {
  group.querySelectorAll<HTMLElement>('[data-rows] > [data-row]').forEach((row, index) => {
    for (const el of [row, ...row.querySelectorAll<HTMLElement>('*')]) {
      for (const attr of ATTRS) {
        const template = el.getAttribute(`data-tpl-${attr}`)
        if (template !== null) {
          el.setAttribute(attr, template.replaceAll(PLACEHOLDER, String(index)))
        }
      }
    }
  })
}

function addRow(group: HTMLElement, focus: boolean): void {
  const template = group.querySelector<HTMLTemplateElement>('template[data-row-template]')
  const rows = group.querySelector('[data-rows]')
  if (!template || !rows) {
    return
  }
  const fragment = template.content.cloneNode(true) as DocumentFragment
  // Keep each attribute's pattern so renumbering can rewrite it later.
  for (const el of fragment.querySelectorAll<HTMLElement>('*')) {
    for (const attr of ATTRS) {
      const value = el.getAttribute(attr)
      if (value?.includes(PLACEHOLDER)) {
        el.setAttribute(`data-tpl-${attr}`, value)
      }
    }
  }
  rows.append(fragment)
  renumber(group)
  if (focus) {
    rows.lastElementChild?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }
}

export function initRepeats(form: HTMLElement): void {
  for (const group of form.querySelectorAll<HTMLElement>('[data-repeat]')) {
    const initial = Number(group.dataset.initialRows ?? '0')
    for (let i = 0; i < initial; i++) {
      addRow(group, false)
    }
    group.querySelector('[data-add-row]')?.addEventListener('click', () => addRow(group, true))
    group.addEventListener('click', (event) => {
      const remove = (event.target as Element).closest('[data-remove-row]')
      if (!remove) {
        return
      }
      remove.closest('[data-row]')?.remove()
      renumber(group)
      group.querySelector<HTMLElement>('[data-add-row]')?.focus()
    })
  }
}

/** Rows the reader added but left empty are not sent (and not refused). */
export function dropBlankRows(form: HTMLElement): void {
  for (const group of form.querySelectorAll<HTMLElement>('[data-repeat]')) {
    for (const row of group.querySelectorAll<HTMLElement>('[data-rows] > [data-row]')) {
      const typed = [
        ...row.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]), textarea'),
      ]
      if (typed.length > 0 && typed.every((input) => input.value.trim() === '')) {
        row.remove()
      }
    }
    renumber(group)
  }
}
