import { describe, expect, it } from 'vitest'

import { checkContent } from './content'
import type { EntryContent, FileFacts, TrackRequirements } from './types'

const MB = 1024 * 1024
const image = (bytes = 3 * MB): FileFacts => ({ kind: 'image', bytes })
const declared = { original: true, truthful: true, freeUse: true }

/** Seed 000 图文类: 2000 characters, up to 5 images, three required sections. */
const textImage: TrackRequirements = {
  bodyMaxChars: 2000,
  maxImages: 5,
  requiredSections: ['工作目标', '主要举措', '推广情况'],
  allowedFileKinds: ['image'],
}

/** Seed 001 摄影: photos of at least 2 MB, captions up to 150 characters. */
const photo: TrackRequirements = {
  minFileBytes: 2 * MB,
  captionMaxChars: 150,
  captionMustMention: ['时间', '地点', '人物', '事件'],
  allowedFileKinds: ['image'],
}

/** Seed 004 医共体党建价值案例: Word + PPT, abstract, body, five sections, copyright. */
const partyCase: TrackRequirements = {
  allowedFileKinds: ['doc', 'docx', 'ppt', 'pptx'],
  maxFileBytes: 30 * MB,
  abstractTargetChars: 200,
  abstractMaxChars: 300,
  bodyMaxChars: 3000,
  requiredSections: ['背景', '做法', '成效（数据对比）', '探讨（问题与思考）', '附录'],
  requiresSlides: true,
  requiresCopyrightStatement: true,
}

const completeTextImage = (body: string): EntryContent => ({
  title: '互联网医院让慢病随访走进家门',
  sections: [
    { heading: '一、工作目标', body: '提升慢病患者随访率。' },
    { heading: '二、主要举措', body },
    { heading: '三、推广情况', body: '已在全市推广。' },
  ],
  attachments: [{ file: image(), caption: '随访现场' }],
  channel: 'self',
  declarations: declared,
})

const codes = (req: TrackRequirements, content: EntryContent, complete = true) =>
  checkContent(req, content, { complete }).map((p) => `${p.field}:${p.code}`)

describe('checkContent body length', () => {
  it('should accept a body of exactly 2000 characters across sections and refuse 2001', () => {
    // The other two sections hold 10 + 7 characters.
    const atLimit = completeTextImage('字'.repeat(2000 - 17))
    expect(checkContent(textImage, atLimit, { complete: true })).toEqual([])
    const over = completeTextImage('字'.repeat(2000 - 16))
    // Reported on the section where the running total passes the limit.
    expect(checkContent(textImage, over, { complete: true })).toEqual([
      {
        field: 'sections.2.body',
        code: 'body.tooLong',
        message: '正文不超过 2000 字（当前 2001 字）',
        limit: 2000,
      },
    ])
  })

  it('should check length while a draft is saved, but not what is still missing', () => {
    const draft: EntryContent = { sections: [{ heading: '工作目标', body: '字'.repeat(2001) }] }
    expect(codes(textImage, draft, false)).toEqual(['sections.0.body:body.tooLong'])
    expect(checkContent(textImage, { sections: [] })).toEqual([])
  })
})

describe('checkContent sections', () => {
  it('should name each missing required section at submit', () => {
    const content = completeTextImage('举措')
    content.sections = content.sections?.slice(0, 2) ?? []
    const problems = checkContent(textImage, content, { complete: true })
    expect(problems).toEqual([
      {
        field: 'sections',
        code: 'sections.missing',
        message: '缺少必备章节：推广情况',
        limit: '推广情况',
      },
    ])
  })

  it('should not count a required heading whose body is empty, and ask for the body', () => {
    const content = completeTextImage('举措')
    content.sections = [...(content.sections ?? []).slice(0, 2), { heading: '推广情况', body: ' ' }]
    expect(codes(textImage, content)).toEqual([
      'sections.2.body:section.bodyRequired',
      'sections:sections.missing',
    ])
  })

  it('should check the required sections inside an attached .docx when the form holds none', () => {
    const doc: FileFacts = {
      kind: 'docx',
      bytes: MB,
      docx: {
        bodyChars: 2500,
        abstractChars: 200,
        headings: ['一、背景', '二、做法', '三、成效', '四、探讨', '五、附录', '版权声明'],
        copyrightStatement: true,
      },
    }
    const content: EntryContent = {
      title: '党建引领医共体',
      attachments: [{ file: doc }, { file: { kind: 'pptx', bytes: MB } }],
      declarations: declared,
    }
    expect(checkContent(partyCase, content, { complete: true })).toEqual([])
    const lacking = { ...doc, docx: { ...doc.docx!, headings: ['一、背景', '二、做法'] } }
    expect(
      codes(partyCase, {
        ...content,
        attachments: [{ file: lacking }, { file: { kind: 'pptx', bytes: MB } }],
      }),
    ).toEqual([
      'attachments.0.file:sections.missing',
      'attachments.0.file:sections.missing',
      'attachments.0.file:sections.missing',
    ])
  })
})

describe('checkContent attachments', () => {
  it('should accept 5 images and refuse 6', () => {
    const withImages = (n: number) => ({
      ...completeTextImage('举措'),
      attachments: Array.from({ length: n }, () => ({ file: image(), caption: '' })),
    })
    expect(checkContent(textImage, withImages(5), { complete: true })).toEqual([])
    expect(checkContent(textImage, withImages(6), { complete: true })).toEqual([
      {
        field: 'attachments',
        code: 'images.tooMany',
        message: '图片不超过 5 张（当前 6 张）',
        limit: 5,
      },
    ])
  })

  it('should accept a caption of exactly 150 characters and refuse 151', () => {
    const content = (caption: string): EntryContent => ({
      title: '抗疫瞬间',
      attachments: [
        { file: image(), caption: '2020年2月，武汉，护士在病房照护患者。' },
        { file: image(), caption },
      ],
      declarations: declared,
    })
    expect(checkContent(photo, content('字'.repeat(150)), { complete: true })).toEqual([])
    expect(checkContent(photo, content('字'.repeat(151)), { complete: true })).toEqual([
      {
        field: 'attachments.1.caption',
        code: 'caption.tooLong',
        message: '图片说明不超过 150 字（第 2 张 151 字）',
        limit: 150,
      },
    ])
  })

  it('should run the file rules on every attachment with its index', () => {
    const content: EntryContent = {
      attachments: [{ file: image() }, { file: image(2 * MB - 1) }],
    }
    expect(codes(photo, content, false)).toEqual(['attachments.1.file:file.tooSmall'])
  })

  it('should ask for a caption on every photo at submit when the track lists what it must mention', () => {
    const content: EntryContent = {
      title: '抗疫瞬间',
      attachments: [{ file: image(), caption: '' }],
      declarations: declared,
    }
    const [problem] = checkContent(photo, content, { complete: true })
    expect(problem?.field).toBe('attachments.0.caption')
    expect(problem?.message).toBe('请为第 1 张照片填写说明（简要交代时间、地点、人物、事件）')
  })

  it('should require a file on a photo track but not on a text-image or poem track', () => {
    const bare: EntryContent = { title: '题目', declarations: declared }
    expect(codes(photo, bare)).toEqual(['attachments:attachments.required'])
    const poem: TrackRequirements = { allowedFileKinds: ['mp4', 'mp3'], requiresText: true }
    const poemText = { ...bare, sections: [{ heading: '作品文本', body: '清晨的村口' }] }
    expect(checkContent(poem, poemText, { complete: true, trackKind: 'poem' })).toEqual([])
    expect(codes(poem, poemText)).toEqual(['attachments:attachments.required'])
  })

  it('should take a .doc and slides with only a 版权声明 section typed in the form', () => {
    const content: EntryContent = {
      title: '案例',
      abstract: '摘要'.repeat(100),
      declarations: declared,
      sections: [{ heading: '版权声明', body: '本案例版权归报送单位所有' }],
      attachments: [{ file: { kind: 'doc', bytes: MB } }, { file: { kind: 'pptx', bytes: MB } }],
    }
    expect(checkContent(partyCase, content, { complete: true })).toEqual([])
  })

  it('should require both a Word document and slides when the track asks for slides', () => {
    const base: EntryContent = {
      title: '案例',
      abstract: '摘要'.repeat(100),
      copyrightStatement: true,
      declarations: declared,
      sections: [
        { heading: '背景', body: '文' },
        { heading: '做法', body: '文' },
        { heading: '成效', body: '文' },
        { heading: '探讨', body: '文' },
        { heading: '附录', body: '文' },
      ],
    }
    const onlyDoc = { ...base, attachments: [{ file: { kind: 'doc' as const, bytes: MB } }] }
    const [problem] = checkContent(partyCase, onlyDoc, { complete: true })
    expect(problem?.code).toBe('slides.required')
    expect(problem?.message).toBe('须同时提交 Word 文档和 PPT：缺少PPT（.ppt/.pptx）')
    const both = {
      ...base,
      attachments: [
        { file: { kind: 'doc' as const, bytes: MB } },
        { file: { kind: 'ppt' as const, bytes: MB } },
      ],
    }
    expect(checkContent(partyCase, both, { complete: true })).toEqual([])
  })
})

describe('checkContent title and abstract', () => {
  it('should accept an abstract of exactly 300 characters and refuse 301', () => {
    const content: EntryContent = { abstract: '字'.repeat(300) }
    expect(codes(partyCase, content, false)).toEqual([])
    expect(checkContent(partyCase, { abstract: '字'.repeat(301) })).toEqual([
      {
        field: 'abstract',
        code: 'abstract.tooLong',
        message: '摘要不超过 300 字（当前 301 字）',
        limit: 300,
      },
    ])
  })

  it('should ask for an abstract at submit unless the attached document has one', () => {
    expect(codes(partyCase, { title: 'T' })).toContain('abstract:abstract.required')
    const withDoc: EntryContent = {
      title: 'T',
      attachments: [{ file: { kind: 'docx', bytes: 1, docx: { bodyChars: 1, abstractChars: 5 } } }],
    }
    expect(codes(partyCase, withDoc)).not.toContain('abstract:abstract.required')
  })

  it('should accept a title of 100 characters and refuse 101', () => {
    expect(codes({}, { title: '题'.repeat(100) }, false)).toEqual([])
    expect(codes({}, { title: '题'.repeat(101) }, false)).toEqual(['title:title.tooLong'])
    expect(codes({}, { title: '  ' }, true)).toContain('title:title.required')
  })
})

describe('checkContent channel and declarations', () => {
  const base = completeTextImage('举措')

  it('should require the information source for an individual author at submit', () => {
    const individual = { ...base, channel: 'individual' }
    expect(codes(textImage, individual)).toEqual(['informationSource:informationSource.required'])
    expect(codes(textImage, { ...individual, informationSource: '健康报公众号' })).toEqual([])
    expect(codes(textImage, individual, false)).toEqual([])
  })

  it('should require the recommending unit for provincial and media recommendations', () => {
    for (const channel of ['provincial', 'media']) {
      expect(codes(textImage, { ...base, channel })).toEqual([
        'recommendingUnit:recommendingUnit.required',
      ])
      expect(codes(textImage, { ...base, channel, recommendingUnit: '某省卫健委' })).toEqual([])
    }
  })

  it('should refuse an unknown channel even in a draft', () => {
    expect(codes(textImage, { channel: 'vip' }, false)).toEqual(['channel:channel.invalid'])
  })

  it('should require all three declarations at submit and name each one missing', () => {
    const problems = checkContent(
      textImage,
      { ...base, declarations: { original: true, truthful: false } },
      { complete: true },
    )
    expect(problems.map((p) => p.field)).toEqual(['declarations.truthful', 'declarations.freeUse'])
    expect(problems[1]?.message).toBe('请确认声明：自愿无偿提供主办方用于活动宣传展示')
  })
})

describe('checkContent text and copyright', () => {
  it('should require the work text on a track that asks for it', () => {
    const video: TrackRequirements = { allowedFileKinds: ['mp4'], requiresText: true }
    const content: EntryContent = {
      title: '红歌',
      attachments: [{ file: { kind: 'video', format: 'mp4', bytes: MB, durationSeconds: 100 } }],
      declarations: declared,
    }
    expect(codes(video, content)).toEqual(['sections:text.required'])
    expect(
      codes(video, { ...content, sections: [{ heading: '歌词', body: '唱支山歌给党听' }] }),
    ).toEqual([])
  })

  it('should accept a copyright statement as text, as a section or inside the document', () => {
    const req: TrackRequirements = { requiresCopyrightStatement: true }
    const base: EntryContent = { title: 'T', declarations: declared }
    expect(codes(req, base)).toEqual(['copyrightStatement:copyright.required'])
    expect(codes(req, { ...base, copyrightStatement: '本案例版权归作者所有' })).toEqual([])
    expect(
      codes(req, { ...base, sections: [{ heading: '版权声明', body: '归作者所有' }] }),
    ).toEqual([])
    const doc: FileFacts = {
      kind: 'docx',
      bytes: 1,
      docx: { bodyChars: 1, abstractChars: 0, copyrightStatement: true },
    }
    expect(codes(req, { ...base, attachments: [{ file: doc }] })).toEqual([])
  })
})

describe('section headings at their length limit', () => {
  const withHeading = (heading: string): EntryContent => ({
    ...completeTextImage('组织义诊。'),
    sections: [
      { heading, body: '提升慢病患者随访率。' },
      { heading: '二、主要举措', body: '组织义诊。' },
      { heading: '三、推广情况', body: '已在全市推广。' },
    ],
  })
  const headingProblems = (content: EntryContent, complete: boolean) =>
    checkContent(textImage, content, { complete }).filter((p) => p.field === 'sections.0.heading')

  it('should take a heading of 50 characters and refuse one of 51, naming the limit', () => {
    expect(headingProblems(withHeading(`工作目标${'字'.repeat(46)}`), true)).toEqual([])
    expect(headingProblems(withHeading(`工作目标${'字'.repeat(47)}`), false)).toEqual([
      {
        field: 'sections.0.heading',
        code: 'section.headingTooLong',
        message: '章节标题不超过 50 字（第 1 节 51 字）',
        limit: 50,
      },
    ])
  })

  it('should refuse a heading of 100 000 brackets by its length and never match it', () => {
    const problems = checkContent(textImage, withHeading('('.repeat(100_000)), { complete: true })
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'sections.0.heading:section.headingTooLong',
      'sections:sections.missing',
    ])
    expect(problems[1]!.limit).toBe('工作目标')
  })
})
