import { describe, expect, it } from 'vitest'

import { contentAdvice, missingMentions } from './advice'
import type { TrackRequirements } from './types'

const FOUR = ['时间', '地点', '人物', '事件']

describe('missingMentions', () => {
  it('should accept a caption that gives time, place and people without naming them', () => {
    expect(missingMentions('2020年2月3日凌晨，武汉市金银潭医院，护士为患者翻身。', FOUR)).toEqual(
      [],
    )
  })

  it('should name the elements a caption does not seem to give', () => {
    expect(missingMentions('为患者翻身。', FOUR)).toEqual(['时间', '地点'])
    expect(missingMentions('美丽的风景', FOUR)).toEqual(['时间', '地点', '人物'])
  })

  it('should look for any other listed word literally', () => {
    expect(missingMentions('摄影：张三', ['作者'])).toEqual(['作者'])
    expect(missingMentions('作者张三', ['作者'])).toEqual([])
  })
})

describe('contentAdvice', () => {
  const photo: TrackRequirements = { captionMustMention: FOUR, captionMaxChars: 150 }

  it('should advise on each photo caption missing an element, and skip empty captions and other files', () => {
    const advice = contentAdvice(photo, {
      attachments: [
        { file: { kind: 'image', bytes: 1 }, caption: '2020年春节，医院门口，医生合影。' },
        { file: { kind: 'image', bytes: 1 }, caption: '风景' },
        { file: { kind: 'image', bytes: 1 }, caption: '' },
        { file: { kind: 'pdf', bytes: 1 }, caption: '风景' },
      ],
    })
    expect(advice).toEqual([
      {
        field: 'attachments.1.caption',
        code: 'caption.mentions',
        message: '第 2 张照片的说明建议交代时间、地点、人物（须包含时间、地点、人物、事件）',
        limit: '时间、地点、人物、事件',
      },
    ])
  })

  it('should advise when an abstract is far from its target but within the hard maximum', () => {
    const req: TrackRequirements = { abstractTargetChars: 200, abstractMaxChars: 400 }
    const about = (n: number) => contentAdvice(req, { abstract: '字'.repeat(n) }).map((a) => a.code)
    expect(about(100)).toEqual([])
    expect(about(99)).toEqual(['abstract.offTarget'])
    expect(about(300)).toEqual([])
    expect(about(301)).toEqual(['abstract.offTarget'])
    // Over the hard maximum is checkContent's refusal, not advice.
    expect(about(401)).toEqual([])
    expect(about(0)).toEqual([])
  })
})
