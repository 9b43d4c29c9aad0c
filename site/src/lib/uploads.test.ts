import { describe, expect, it } from 'vitest'

import {
  acceptAttribute,
  containerFormat,
  formatClock,
  formatSize,
  guessKind,
  kindAllowed,
  move,
  percent,
  precheckFile,
  progressText,
  readUploadAnswer,
  TUS_THRESHOLD_BYTES,
  tusMetadata,
  uploadIdFromUrl,
  uploadRoute,
} from './uploads'

const MB = 1024 * 1024

describe('uploadRoute', () => {
  it.each([
    ['a small video', { name: 'a.mp4', size: 1 * MB, type: 'video/mp4' }, 'tus'],
    ['a large video without a type', { name: 'a.MOV', size: 900 * MB, type: '' }, 'tus'],
    ['a small audio', { name: 'song.mp3', size: 5 * MB, type: 'audio/mpeg' }, 'xhr'],
    [
      'an audio just over the threshold',
      { name: 'song.wav', size: TUS_THRESHOLD_BYTES + 1, type: 'audio/wav' },
      'tus',
    ],
    ['an audio at the threshold', { name: 'song.wav', size: TUS_THRESHOLD_BYTES, type: '' }, 'xhr'],
    ['a 30 MB Word file', { name: 'case.docx', size: 30 * MB, type: '' }, 'xhr'],
    ['a photo', { name: 'p.jpg', size: 3 * MB, type: 'image/jpeg' }, 'xhr'],
  ])('should send %s by %s', (_what, file, route) => {
    expect(uploadRoute(file)).toBe(route)
  })
})

describe('guessKind', () => {
  it('should prefer the MIME type and fall back to the extension', () => {
    expect(guessKind({ name: 'x.pdf', type: 'image/png' })).toBe('image')
    expect(guessKind({ name: 'Slides.PPTX', type: '' })).toBe('pptx')
    expect(guessKind({ name: 'noext', type: '' })).toBeUndefined()
  })
})

describe('acceptAttribute', () => {
  it('should list MIME types and extensions of the allowed kinds once each', () => {
    const accept = acceptAttribute(['mp4', 'video'])
    expect(accept.split(',')).toContain('.mp4')
    expect(accept.split(',').filter((a) => a === 'video/mp4')).toHaveLength(1)
    expect(accept).not.toContain('image/')
  })

  it('should accept anything when the track names no kinds', () => {
    expect(acceptAttribute(undefined)).toBe('')
  })
})

describe('kindAllowed', () => {
  it('should let a container format stand for its kind', () => {
    expect(kindAllowed('video', ['mp4'])).toBe(true)
    expect(kindAllowed('audio', ['mp4'])).toBe(false)
    expect(kindAllowed('docx', ['doc', 'docx', 'ppt'])).toBe(true)
    expect(kindAllowed('pdf', [])).toBe(true)
  })
})

describe('formatting', () => {
  it.each([
    [512, '512 B'],
    [2048, '2 KB'],
    [2 * MB, '2 MB'],
    [12.54 * MB, '12.5 MB'],
    [2048 * MB, '2 GB'],
  ])('should show %d bytes as %s', (bytes, shown) => {
    expect(formatSize(bytes)).toBe(shown)
  })

  it.each([
    [0, '0:00'],
    [65, '1:05'],
    [180.4, '3:00'],
    [3723, '1:02:03'],
  ])('should show %d seconds as %s', (seconds, shown) => {
    expect(formatClock(seconds)).toBe(shown)
  })

  it('should not show 100 % before the last byte', () => {
    expect(percent(999, 1000)).toBe(99)
    expect(percent(1000, 1000)).toBe(100)
    expect(percent(0, 0)).toBe(0)
    expect(progressText(10 * MB, 40 * MB)).toBe('10 MB / 40 MB（25%）')
  })
})

describe('precheckFile', () => {
  const photo = { minFileBytes: 2 * MB, maxImages: 5, allowedFileKinds: ['image' as const] }

  it('should refuse a photo under the minimum size, naming the file and the limit', () => {
    const problems = precheckFile(photo, { name: 'p.jpg', size: MB, type: 'image/jpeg' }, 0)
    expect(problems.map((p) => p.code)).toEqual(['file.tooSmall'])
    expect(problems[0]?.message).toContain('p.jpg')
    expect(problems[0]?.message).toContain('2 MB')
  })

  it('should refuse a kind the track does not take and a sixth image', () => {
    expect(
      precheckFile(photo, { name: 'a.pdf', size: 3 * MB, type: 'application/pdf' }, 0).map(
        (p) => p.code,
      ),
    ).toEqual(['kind.notAllowed'])
    expect(
      precheckFile(photo, { name: 'b.png', size: 3 * MB, type: 'image/png' }, 5).map((p) => p.code),
    ).toEqual(['images.tooMany'])
  })

  it('should pass a file within every limit', () => {
    expect(precheckFile(photo, { name: 'c.png', size: 3 * MB, type: 'image/png' }, 4)).toEqual([])
    expect(precheckFile(undefined, { name: 'x', size: 1, type: '' }, 0)).toEqual([])
  })
})

describe('tus helpers', () => {
  it('should name the campaign and track in the metadata', () => {
    expect(tusMetadata({ name: '视频.mp4', size: 1, type: 'video/mp4' }, 7, 'story')).toEqual({
      filename: '视频.mp4',
      filetype: 'video/mp4',
      campaign: '7',
      track: 'story',
    })
  })

  it('should take the upload id from the end of the upload URL', () => {
    expect(uploadIdFromUrl('http://x/api/submissions/tus/abc123')).toBe('abc123')
    expect(uploadIdFromUrl('/api/submissions/tus/abc%2B1/?x=1')).toBe('abc+1')
  })
})

describe('readUploadAnswer', () => {
  it('should return the inspected file of a 201', () => {
    const file = {
      id: 3,
      filename: 'a.jpg',
      kind: 'image',
      mimeType: 'image/jpeg',
      bytes: 9,
      url: '/m',
    }
    expect(readUploadAnswer(201, { file })).toEqual({ ok: true, file })
  })

  it('should return the server messages of a refusal, or a fallback naming the status', () => {
    expect(
      readUploadAnswer(422, { errors: [{ field: 'file', message: '视频时长超过 3 分钟' }] }),
    ).toEqual({ ok: false, messages: ['视频时长超过 3 分钟'], status: 422 })
    const answer = readUploadAnswer(500, null)
    expect(answer.ok).toBe(false)
    expect(answer.ok ? '' : answer.messages[0]).toContain('500')
  })
})

describe('move', () => {
  it('should move an item and ignore moves out of range', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(move(['a', 'b'], 1, 2)).toEqual(['a', 'b'])
  })
})

describe('containerFormat', () => {
  it('should prefer the server format, then the MIME type, then the file name', () => {
    expect(containerFormat({ format: '.MP4', mimeType: 'audio/mpeg', filename: 'a.wav' })).toBe(
      'mp4',
    )
    expect(containerFormat({ mimeType: 'audio/x-m4a', filename: 'a.bin' })).toBe('m4a')
    expect(containerFormat({ mimeType: 'application/octet-stream', filename: 'Song.WAV' })).toBe(
      'wav',
    )
    expect(containerFormat({ mimeType: '', filename: 'noext' })).toBeUndefined()
  })
})
