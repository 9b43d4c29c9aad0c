import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkFieldTypes } from './fieldTypes'

const fields: Field[] = [
  { name: 'title', type: 'text' },
  { name: 'abstract', type: 'textarea' },
  { name: 'province', type: 'text' },
  { name: 'channel', type: 'select', options: ['self', 'media'] },
  { name: 'campaign', type: 'relationship', relationTo: 'campaigns' },
  { type: 'row', fields: [{ name: 'city', type: 'text' }] },
  {
    name: 'sections',
    type: 'array',
    fields: [
      { name: 'heading', type: 'text' },
      { name: 'body', type: 'textarea' },
    ],
  },
  { name: 'declarations', type: 'group', fields: [{ name: 'original', type: 'checkbox' }] },
]

describe('checkFieldTypes', () => {
  it('should keep values of the right types, inside rows, arrays and groups', () => {
    const data = {
      title: '标题',
      channel: 'self',
      campaign: 3,
      city: '成都',
      sections: [{ id: 'r1', heading: '背景', body: '正文' }],
      declarations: { original: true },
    }
    expect(checkFieldTypes(fields, data)).toEqual({ data, problems: [] })
  })

  it.each([
    ['title', { $gt: '' }, 'title 须为文字'],
    ['abstract', { like: '%' }, 'abstract 须为文字'],
    ['channel', { equals: 'self' }, 'channel 须为列表中的一个选项'],
    ['campaign', { exists: true }, 'campaign 须为一个编号（ID）'],
    ['city', ['成都'], 'city 须为文字'],
    ['sections', { heading: 'x' }, 'sections 须为列表'],
    ['declarations', 'yes', 'declarations 须为对象'],
  ])('should name %s when it holds %j', (key, value, message) => {
    expect(checkFieldTypes(fields, { [key]: value }).problems).toEqual([{ path: key, message }])
  })

  it('should name a nested field by its dotted path', () => {
    const { problems } = checkFieldTypes(fields, {
      sections: [{ heading: '背景', body: { in: ['a'] } }],
    })
    expect(problems).toEqual([{ path: 'sections.0.body', message: 'sections.0.body 须为文字' }])
  })

  it('should drop keys that are no field of the collection, keeping the password', () => {
    const data = { title: 'x', password: 'a-long-password', k1: 'a', __proto__x: 1 }
    expect(checkFieldTypes(fields, data).data).toEqual({ title: 'x', password: 'a-long-password' })
  })

  it("should pass the admin's row count for an empty list", () => {
    expect(checkFieldTypes(fields, { sections: 0 })).toEqual({
      data: { sections: 0 },
      problems: [],
    })
  })

  it('should let null clear any field', () => {
    expect(checkFieldTypes(fields, { title: null, sections: null }).problems).toEqual([])
  })
})
