import { describe, expect, it } from 'vitest'

import { checkFile, isKindAllowed, kindFromMime, kindsAllowedBy } from './files'
import { formatBytes, formatDuration, formatDurationLimit } from './format'
import type { FileFacts, TrackRequirements } from './types'

const MB = 1024 * 1024
const codes = (req: TrackRequirements, file: FileFacts, index?: number) =>
  checkFile(req, file, index).map((p) => p.code)

describe('checkFile sizes', () => {
  const photo: TrackRequirements = { minFileBytes: 2 * MB, allowedFileKinds: ['image'] }

  it('should accept a photo of exactly the minimum size and refuse one byte less', () => {
    expect(checkFile(photo, { kind: 'image', bytes: 2 * MB }, 0)).toEqual([])
    expect(codes(photo, { kind: 'image', bytes: 2 * MB - 1 }, 0)).toEqual(['file.tooSmall'])
  })

  it('should name the photo and its size in the too-small message', () => {
    const [problem] = checkFile(photo, { kind: 'image', bytes: Math.round(1.9 * MB) }, 2)
    expect(problem).toEqual({
      field: 'attachments.2.file',
      code: 'file.tooSmall',
      message: '每张照片不小于 2 MB（第 3 张为 1.9 MB）',
      limit: 2 * MB,
    })
  })

  it('should never show a size rounded onto the limit it broke', () => {
    const [problem] = checkFile(photo, { kind: 'image', bytes: 2 * MB - 1 })
    expect(problem?.message).toBe('照片不小于 2 MB（当前 2097151 字节）')
  })

  it('should accept a file of exactly the maximum size and refuse one byte more', () => {
    const req: TrackRequirements = { maxFileBytes: 30 * MB }
    expect(checkFile(req, { kind: 'docx', bytes: 30 * MB }, 1)).toEqual([])
    const [problem] = checkFile(req, { kind: 'docx', bytes: 30 * MB + 1 }, 1)
    expect(problem?.code).toBe('file.tooLarge')
    expect(problem?.field).toBe('attachments.1.file')
    expect(problem?.message).toBe('每个文件不超过 30 MB（第 2 个为 31457281 字节）')
  })
})

describe('checkFile duration', () => {
  const video: TrackRequirements = { maxDurationSeconds: 180, allowedFileKinds: ['mp4'] }
  const clip = (durationSeconds?: number): FileFacts => ({
    kind: 'video',
    bytes: MB,
    format: 'mp4',
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
  })

  it('should accept a video of exactly 3 minutes and refuse 3 minutes 1 second', () => {
    expect(checkFile(video, clip(180))).toEqual([])
    expect(checkFile(video, clip(181))).toEqual([
      {
        field: 'file',
        code: 'file.tooLong',
        message: '视频时长不超过 3 分钟（当前 3 分 01 秒）',
        limit: 180,
      },
    ])
  })

  it('should compare whole seconds as a player shows them', () => {
    expect(checkFile(video, clip(180.9))).toEqual([])
    expect(codes(video, clip(181.0))).toEqual(['file.tooLong'])
  })

  it('should refuse a video whose duration could not be read when the track limits it', () => {
    expect(codes(video, clip())).toEqual(['file.durationUnknown'])
    expect(checkFile({}, clip())).toEqual([])
  })

  it('should name audio as audio', () => {
    const [problem] = checkFile(
      { maxDurationSeconds: 180 },
      { kind: 'audio', bytes: 10, format: 'mp3', durationSeconds: 200 },
      0,
    )
    expect(problem?.message).toBe('音频时长不超过 3 分钟（第 1 个为 3 分 20 秒）')
  })
})

describe('checkFile kinds', () => {
  it('should take video only in the formats the track names', () => {
    const mp4Only: TrackRequirements = { allowedFileKinds: ['mp4'] }
    expect(checkFile(mp4Only, { kind: 'video', bytes: 1, format: 'mp4' })).toEqual([])
    const [problem] = checkFile(mp4Only, { kind: 'video', bytes: 1, format: 'mov' })
    expect(problem?.code).toBe('file.kindNotAllowed')
    expect(problem?.message).toBe('不支持的文件类型：视频（MOV），请上传 MP4')
  })

  it('should refuse a kind the track does not list and take any kind when it lists none', () => {
    const photo: TrackRequirements = { allowedFileKinds: ['image'] }
    expect(codes(photo, { kind: 'pdf', bytes: 1 })).toEqual(['file.kindNotAllowed'])
    expect(checkFile({}, { kind: 'pdf', bytes: 1 })).toEqual([])
    expect(checkFile({ allowedFileKinds: [] }, { kind: 'pptx', bytes: 1 })).toEqual([])
  })

  it('should map the allow-list to kinds for the inspection', () => {
    expect(kindsAllowedBy(['mp4', 'mp3', 'm4a', 'wav']).sort()).toEqual(['audio', 'video'])
    expect(kindsAllowedBy(['doc', 'docx', 'ppt', 'pptx'])).toEqual(['doc', 'docx', 'ppt', 'pptx'])
    expect(isKindAllowed(['m4a'], { kind: 'audio', format: 'M4A' })).toBe(true)
    expect(isKindAllowed(['mp3'], { kind: 'audio', format: 'wav' })).toBe(false)
  })
})

describe('checkFile .docx length', () => {
  const caseDoc: TrackRequirements = { bodyMaxChars: 3000, abstractMaxChars: 300 }
  const doc = (bodyChars: number, abstractChars: number): FileFacts => ({
    kind: 'docx',
    bytes: MB,
    docx: { bodyChars, abstractChars },
  })

  it('should accept a document body of exactly 3000 characters and refuse 3001', () => {
    expect(checkFile(caseDoc, doc(3000, 200), 0)).toEqual([])
    const [problem] = checkFile(caseDoc, doc(3001, 200), 0)
    expect(problem).toEqual({
      field: 'attachments.0.file',
      code: 'docx.bodyTooLong',
      message: '文档正文不超过 3000 字（当前 3001 字）',
      limit: 3000,
    })
  })

  it('should accept a document abstract of exactly 300 characters and refuse 301', () => {
    expect(checkFile(caseDoc, doc(100, 300))).toEqual([])
    expect(codes(caseDoc, doc(100, 301))).toEqual(['docx.abstractTooLong'])
  })
})

describe('kindFromMime', () => {
  it('should map the MIME types the platform takes and refuse SVG, HTML and executables', () => {
    expect(kindFromMime('image/jpeg')).toBe('image')
    expect(kindFromMime('IMAGE/PNG; charset=binary')).toBe('image')
    expect(kindFromMime('video/mp4')).toBe('video')
    expect(kindFromMime('audio/x-m4a')).toBe('audio')
    expect(kindFromMime('application/msword')).toBe('doc')
    expect(
      kindFromMime('application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    ).toBe('pptx')
    expect(kindFromMime('image/svg+xml')).toBeUndefined()
    expect(kindFromMime('text/html')).toBeUndefined()
    expect(kindFromMime('application/x-msdownload')).toBeUndefined()
  })
})

describe('formatting', () => {
  it('should show sizes in binary units and durations as a player does', () => {
    expect(formatBytes(2 * MB)).toBe('2 MB')
    expect(formatBytes(2 * 1024 * MB)).toBe('2 GB')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(12)).toBe('12 字节')
    expect(formatDuration(181)).toBe('3 分 01 秒')
    expect(formatDuration(45.7)).toBe('45 秒')
    expect(formatDuration(3723)).toBe('1 小时 02 分 03 秒')
    expect(formatDurationLimit(180)).toBe('3 分钟')
    expect(formatDurationLimit(90)).toBe('1 分 30 秒')
  })
})
