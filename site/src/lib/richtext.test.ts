import { describe, expect, it } from 'vitest'

import { renderRichText, richTextToPlain, safeHref, type LexicalNode } from './richtext'

const doc = (...children: LexicalNode[]) => ({ root: { type: 'root', children } })
const text = (value: string, format = 0): LexicalNode => ({ type: 'text', text: value, format })
const paragraph = (...children: LexicalNode[]): LexicalNode => ({ type: 'paragraph', children })

describe('renderRichText', () => {
  it('should escape a <script> in text', () => {
    const html = renderRichText(doc(paragraph(text('<script>alert("x")</script>'))))
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>')
  })

  it('should render headings within h2–h4, pushed below the page heading', () => {
    const html = renderRichText(
      doc(
        { type: 'heading', tag: 'h1', children: [text('一')] },
        { type: 'heading', tag: 'h3', children: [text('三')] },
        { type: 'heading', tag: 'h6', children: [text('六')] },
      ),
    )
    expect(html).toBe('<h2>一</h2><h3>三</h3><h4>六</h4>')
  })

  it('should start headings at h3 when the content sits under a section heading', () => {
    const html = renderRichText(doc({ type: 'heading', tag: 'h2', children: [text('目标')] }), {
      topHeading: 3,
    })
    expect(html).toBe('<h3>目标</h3>')
  })

  it('should render bullet and numbered lists with nested items', () => {
    const html = renderRichText(
      doc({
        type: 'list',
        listType: 'number',
        tag: 'ol',
        start: 1,
        children: [
          { type: 'listitem', children: [text('甲')] },
          {
            type: 'listitem',
            children: [
              {
                type: 'list',
                listType: 'bullet',
                children: [{ type: 'listitem', children: [text('乙')] }],
              },
            ],
          },
        ],
      }),
    )
    expect(html).toBe('<ol><li>甲</li><li><ul><li>乙</li></ul></li></ol>')
  })

  it('should render bold, italic and underline text and line breaks', () => {
    const html = renderRichText(
      doc(paragraph(text('重', 1 | 2 | 8), { type: 'linebreak' }, text('点'))),
    )
    expect(html).toBe('<p><strong><em><u>重</u></em></strong><br>点</p>')
  })

  it('should render quotes', () => {
    expect(renderRichText(doc({ type: 'quote', children: [text('引')] }))).toBe(
      '<blockquote>引</blockquote>',
    )
  })

  it('should render web, mail and relative links', () => {
    const link = (url: string, newTab = false): LexicalNode => ({
      type: 'link',
      fields: { url, newTab, linkType: 'custom' },
      children: [text('链接')],
    })
    const html = renderRichText(
      doc(
        paragraph(
          link('https://example.org/a?b=1&c=2', true),
          link('mailto:a@example.org'),
          link('/campaigns/x'),
        ),
      ),
    )
    expect(html).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">链接</a>' +
        '<a href="mailto:a@example.org">链接</a><a href="/campaigns/x">链接</a></p>',
    )
  })

  it('should drop javascript: hrefs but keep the link text', () => {
    const html = renderRichText(
      doc(
        paragraph({
          type: 'link',
          fields: { url: 'javascript:alert(1)' },
          children: [text('点我')],
        }),
      ),
    )
    expect(html).toBe('<p>点我</p>')
  })

  it('should reduce unknown nodes to their escaped text', () => {
    const html = renderRichText(doc({ type: 'upload', children: [text('<b>')] } as LexicalNode))
    expect(html).toBe('&lt;b&gt;')
  })

  it('should return an empty string for missing or malformed content', () => {
    expect(renderRichText(null)).toBe('')
    expect(renderRichText({ root: 'x' } as never)).toBe('')
  })

  it('should flatten a document to plain text', () => {
    expect(richTextToPlain(doc(paragraph(text('第一段')), paragraph(text('第二段'))))).toBe(
      '第一段 第二段',
    )
  })
})

describe('safeHref', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    '//evil.example',
    '',
  ])('should refuse %j', (href) => {
    expect(safeHref(href)).toBeUndefined()
  })

  it.each([
    'https://example.org',
    'http://example.org',
    'mailto:a@example.org',
    '/news/x',
    '#top',
    'entries',
  ])('should accept %j', (href) => {
    expect(safeHref(href)).toBe(href)
  })
})
