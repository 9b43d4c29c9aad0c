import { describe, expect, it } from 'vitest'

import type { Entry, Media } from '@exemplar/cms/payload-types'

import { absoluteUrl, entryShareImage, shareDescription, siteOrigin } from './share'

const media = (over: Partial<Media> = {}): Media => ({
  id: 1,
  url: '/api/media/file/demo-01.jpg',
  mimeType: 'image/jpeg',
  width: 1200,
  height: 800,
  alt: '示例图片 1',
  updatedAt: '',
  createdAt: '',
  ...over,
})

const entry = (attachments: Entry['attachments']): Entry => ({
  id: 1,
  title: '健康小屋',
  campaign: 1,
  track: 'case',
  status: 'voting',
  attachments,
  updatedAt: '',
  createdAt: '',
})

describe('siteOrigin', () => {
  const request = new URL('http://127.0.0.1:4321/entries/1?x=1')

  it('should prefer the configured public origin', () => {
    expect(siteOrigin(request, 'https://zhengji.example.cn/some/path')).toBe(
      'https://zhengji.example.cn',
    )
  })

  it('should fall back to the request’s origin when unset or malformed', () => {
    expect(siteOrigin(request, undefined)).toBe('http://127.0.0.1:4321')
    expect(siteOrigin(request, 'not a url')).toBe('http://127.0.0.1:4321')
  })
})

describe('absoluteUrl', () => {
  it('should resolve a path on the origin and keep absolute URLs', () => {
    expect(absoluteUrl('/api/media/file/a.jpg', 'https://x.cn')).toBe(
      'https://x.cn/api/media/file/a.jpg',
    )
    expect(absoluteUrl('https://cdn.x.cn/a.jpg', 'https://x.cn')).toBe('https://cdn.x.cn/a.jpg')
  })
})

describe('shareDescription', () => {
  it('should collapse whitespace and cut long text with an ellipsis', () => {
    expect(shareDescription('  一行\n\n两行  ')).toBe('一行 两行')
    expect(shareDescription('健'.repeat(200), 10)).toBe(`${'健'.repeat(9)}…`)
    expect(shareDescription('   ')).toBeUndefined()
  })
})

describe('entryShareImage', () => {
  it('should take the first image, skipping other files', () => {
    const pdf = media({ id: 2, mimeType: 'application/pdf', url: '/api/media/file/a.pdf' })
    expect(
      entryShareImage(entry([{ file: pdf }, { file: media() }, { file: media({ id: 3 }) }])),
    ).toEqual({ url: '/api/media/file/demo-01.jpg', width: 1200, height: 800, alt: '示例图片 1' })
  })

  it('should prefer the generated hero size and fall back to the title for alt text', () => {
    const image = media({
      alt: '',
      sizes: { hero: { url: '/api/media/file/demo-01-1600.webp', width: 1600, height: 1067 } },
    })
    expect(entryShareImage(entry([{ file: image }]))).toEqual({
      url: '/api/media/file/demo-01-1600.webp',
      width: 1600,
      height: 1067,
      alt: '健康小屋',
    })
  })

  it('should find nothing in an entry without images', () => {
    expect(entryShareImage(entry([]))).toBeUndefined()
    expect(entryShareImage(entry([{ file: 7 }]))).toBeUndefined()
  })
})
