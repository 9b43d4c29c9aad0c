/** The submission form's small DOM helper (its HTTP goes through lib/http). */
export function h<K extends keyof HTMLElementTagNameMap>(
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
