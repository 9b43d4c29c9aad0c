import { describe, expect, it } from 'vitest'

import { UNTITLED_DRAFT, isUntouchedDraft } from './untouchedDraft'

const opened = {
  status: 'draft',
  title: UNTITLED_DRAFT,
  theme: 3,
  abstract: '',
  sections: [],
  attachments: [],
  authors: [],
  province: null,
  city: '',
  channel: null,
  recommendingUnit: '',
  informationSource: '',
  declarations: { original: false, truthful: null, freeUse: false },
}

describe('isUntouchedDraft', () => {
  it('should take a draft as opened, with its theme, as untouched', () => {
    expect(isUntouchedDraft(opened)).toBe(true)
  })

  it("should take a field at the collection's default as untouched", () => {
    expect(isUntouchedDraft({ ...opened, channel: 'self' }, { channel: 'self' })).toBe(true)
    expect(isUntouchedDraft({ ...opened, channel: 'media' }, { channel: 'self' })).toBe(false)
  })

  it('should take a draft without any content fields as untouched', () => {
    expect(isUntouchedDraft({ status: 'draft' })).toBe(true)
  })

  it.each([
    ['a title', { title: '社区慢病管理' }],
    ['an abstract', { abstract: '摘要' }],
    ['a section', { sections: [{ heading: '背景', body: '正文' }] }],
    ['an attachment', { attachments: [{ file: 1, caption: null }] }],
    ['an author', { authors: [{ name: '张三' }] }],
    ['a province', { province: 'beijing' }],
    ['a city', { city: '海淀' }],
    ['a channel', { channel: 'individual' }],
    ['a recommending unit', { recommendingUnit: '卫健委' }],
    ['an information source', { informationSource: '新闻' }],
    ['a ticked declaration', { declarations: { original: true } }],
    ['another state', { status: 'returned' }],
  ])('should not take a draft with %s as untouched', (_what, change) => {
    expect(isUntouchedDraft({ ...opened, ...change })).toBe(false)
  })
})
