/**
 * A small renderer for the Lexical JSON that Payload's richText fields store
 * (Campaign.description, Post.body). Editors' text is escaped everywhere and
 * only a handful of node types become markup, so the output is safe to place
 * with set:html; anything unknown is reduced to its escaped text.
 */

export interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

export interface LexicalDocument {
  root: LexicalNode
  [key: string]: unknown
}

export interface RenderOptions {
  /**
   * The highest heading level the content may use. The content sits under a
   * page's h1 (post) or a section's h2 (campaign description), so editors' h1/h2
   * are pushed down to keep the outline valid. Levels deeper than h4 become h4.
   */
  topHeading?: 2 | 3
}

const FORMAT_BOLD = 1
const FORMAT_ITALIC = 1 << 1
const FORMAT_STRIKETHROUGH = 1 << 2
const FORMAT_UNDERLINE = 1 << 3
const FORMAT_CODE = 1 << 4
const FORMAT_SUBSCRIPT = 1 << 5
const FORMAT_SUPERSCRIPT = 1 << 6

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * Only web, mail and same-site links survive. Browsers drop tabs, newlines
 * and control characters inside a scheme ("java\tscript:"), so the check does
 * too before looking at it.
 */
export function safeHref(raw: unknown): string | undefined {
  if (typeof raw !== 'string') {
    return undefined
  }
  const href = raw.trim()
  // eslint-disable-next-line no-control-regex
  const squashed = href.replace(/[\u0000-\u0020\u007f]/g, '')
  if (!squashed) {
    return undefined
  }
  if (/^(https?:\/\/|mailto:)/i.test(squashed)) {
    return href
  }
  // Any other scheme (javascript:, data:, vbscript:, …) is refused; "//host" leaves the site.
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(squashed) ||
    squashed.startsWith('//') ||
    squashed.includes('\\')
  ) {
    return undefined
  }
  return href
}

function renderText(node: LexicalNode): string {
  const text = typeof node.text === 'string' ? node.text : ''
  let html = escapeHtml(text)
  const format = typeof node.format === 'number' ? node.format : 0
  // Innermost first, so <strong><em>…</em></strong> nests the same way each time.
  if (format & FORMAT_CODE) {
    html = `<code>${html}</code>`
  }
  if (format & FORMAT_SUBSCRIPT) {
    html = `<sub>${html}</sub>`
  }
  if (format & FORMAT_SUPERSCRIPT) {
    html = `<sup>${html}</sup>`
  }
  if (format & FORMAT_STRIKETHROUGH) {
    html = `<s>${html}</s>`
  }
  if (format & FORMAT_UNDERLINE) {
    html = `<u>${html}</u>`
  }
  if (format & FORMAT_ITALIC) {
    html = `<em>${html}</em>`
  }
  if (format & FORMAT_BOLD) {
    html = `<strong>${html}</strong>`
  }
  return html
}

function headingLevel(tag: unknown, top: number): number {
  const level = typeof tag === 'string' ? Number(tag.replace(/^h/i, '')) : NaN
  const wanted = Number.isInteger(level) ? level : top
  return Math.min(4, Math.max(top, wanted + (top - 2)))
}

function renderLink(node: LexicalNode, inner: string): string {
  const fields = (node.fields ?? {}) as { url?: unknown; newTab?: unknown }
  const href = safeHref(fields.url ?? node.url)
  if (!href) {
    return inner
  }
  const external = /^https?:\/\//i.test(href)
  const rel = external ? ' rel="noopener noreferrer"' : ''
  const target = fields.newTab === true ? ' target="_blank"' : ''
  return `<a href="${escapeHtml(href)}"${target}${rel}>${inner}</a>`
}

function renderNode(node: LexicalNode, options: Required<RenderOptions>): string {
  const children = () => renderChildren(node.children, options)
  switch (node.type) {
    case 'root':
      return children()
    case 'text':
      return renderText(node)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph': {
      const inner = children()
      return inner ? `<p>${inner}</p>` : ''
    }
    case 'heading': {
      const level = headingLevel(node.tag, options.topHeading)
      return `<h${level}>${children()}</h${level}>`
    }
    case 'quote':
      return `<blockquote>${children()}</blockquote>`
    case 'list': {
      const ordered = node.listType === 'number' || node.tag === 'ol'
      const start =
        ordered && typeof node.start === 'number' && node.start !== 1
          ? ` start="${Math.floor(node.start)}"`
          : ''
      return ordered ? `<ol${start}>${children()}</ol>` : `<ul>${children()}</ul>`
    }
    case 'listitem':
      return `<li>${children()}</li>`
    case 'link':
    case 'autolink':
      return renderLink(node, children())
    case 'horizontalrule':
      return '<hr>'
    default:
      // Unknown blocks (uploads, relationships, custom blocks) keep only their text.
      return children()
  }
}

function renderChildren(children: unknown, options: Required<RenderOptions>): string {
  if (!Array.isArray(children)) {
    return ''
  }
  return children
    .filter((child): child is LexicalNode => typeof child === 'object' && child !== null)
    .map((child) => renderNode(child, options))
    .join('')
}

/** HTML for a Lexical document; an empty string for null, malformed or empty content. */
export function renderRichText(
  doc: LexicalDocument | null | undefined,
  options: RenderOptions = {},
): string {
  if (!doc || typeof doc !== 'object' || !doc.root || typeof doc.root !== 'object') {
    return ''
  }
  return renderNode({ ...doc.root, type: 'root' }, { topHeading: options.topHeading ?? 2 })
}

/** The plain text of a Lexical document, e.g. for a meta description. */
export function richTextToPlain(doc: LexicalDocument | null | undefined): string {
  const parts: string[] = []
  const walk = (node: LexicalNode) => {
    if (node.type === 'text' && typeof node.text === 'string') {
      parts.push(node.text)
    }
    if (Array.isArray(node.children)) {
      node.children.forEach(walk)
      if (node.type === 'paragraph' || node.type === 'heading') {
        parts.push('\n')
      }
    }
  }
  if (doc?.root) {
    walk(doc.root)
  }
  return parts.join('').replace(/\n+/g, ' ').trim()
}
