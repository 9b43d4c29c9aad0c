import type { Campaign, Entry } from '@exemplar/cms/payload-types'
import { describe, expect, it } from 'vitest'

import type { Track } from './labels'
import {
  canDelete,
  channelField,
  clockTime,
  declarations,
  draftBody,
  emptyState,
  entryActions,
  entryParam,
  errorsByField,
  firstErrorStep,
  historyLines,
  inputIdCandidates,
  inputIdOf,
  liveProblems,
  loginHref,
  patchBody,
  readErrors,
  sentSectionIndexes,
  toFormPaths,
  sectionsForTrack,
  stateFromEntry,
  stepOfField,
  submissionWindow,
} from './submission'

const caseTrack: Track = {
  key: 'case',
  name: '图文类',
  kind: 'text-image',
  requirements: {
    bodyMaxChars: 2000,
    maxImages: 5,
    requiredSections: ['工作目标', '主要举措', '推广情况'],
  },
}
const poemTrack: Track = { key: 'poem', name: '诗歌', kind: 'poem', requirements: {} }

const image = {
  id: 11,
  filename: 'a.jpg',
  kind: 'image' as const,
  mimeType: 'image/jpeg',
  bytes: 5,
  url: '/a',
}

describe('emptyState and sections', () => {
  it('should pre-fill one section per required heading', () => {
    expect(emptyState(1, caseTrack).sections.map((s) => s.heading)).toEqual([
      '工作目标',
      '主要举措',
      '推广情况',
    ])
  })

  it('should give one free section when the track names none', () => {
    expect(emptyState(1, poemTrack).sections).toEqual([{ heading: '', body: '' }])
  })

  it('should keep bodies under headings the new track also requires', () => {
    const other: Track = { ...caseTrack, requirements: { requiredSections: ['主要举措', '成效'] } }
    const kept = sectionsForTrack(other, [
      { heading: '工作目标', body: 'A' },
      { heading: '主要举措', body: 'B' },
    ])
    expect(kept).toEqual([
      { heading: '主要举措', body: 'B' },
      { heading: '成效', body: '' },
    ])
  })

  it('should keep written free sections when moving to a track without required ones', () => {
    expect(
      sectionsForTrack(poemTrack, [
        { heading: '工作目标', body: 'A' },
        { heading: '', body: '' },
      ]),
    ).toEqual([{ heading: '工作目标', body: 'A' }])
  })
})

describe('draftBody and patchBody', () => {
  it('should send the theme only when one is chosen', () => {
    const state = emptyState(4, caseTrack)
    expect(draftBody(state)).toEqual({ campaign: 4, track: 'case' })
    expect(draftBody({ ...state, theme: 9 })).toEqual({ campaign: 4, track: 'case', theme: 9 })
  })

  it('should send attachments as media ids with captions and drop blank author rows', () => {
    const state = {
      ...emptyState(4, caseTrack),
      title: '  标题 ',
      attachments: [{ file: image, caption: '说明' }],
      authors: [
        { name: ' 张三 ', title: '主任', affiliation: '' },
        { name: '', title: ' ', affiliation: '' },
      ],
    }
    const body = patchBody(state)
    expect(body.title).toBe('标题')
    expect(body.attachments).toEqual([{ file: 11, caption: '说明' }])
    expect(body.authors).toEqual([{ name: '张三', title: '主任', affiliation: '' }])
    expect(body.sections).toEqual([])
    expect(body.channel).toBeNull()
    expect(body.province).toBeNull()
  })

  it('should clear the channel field the chosen channel does not ask for', () => {
    const state = {
      ...emptyState(4, caseTrack),
      channel: 'individual' as const,
      recommendingUnit: '某省卫健委',
      informationSource: ' 健康报 ',
    }
    expect(patchBody(state)).toMatchObject({ recommendingUnit: '', informationSource: '健康报' })
    expect(patchBody({ ...state, channel: 'provincial' })).toMatchObject({
      recommendingUnit: '某省卫健委',
      informationSource: '',
    })
  })

  it('should name the extra field of each channel', () => {
    expect(channelField('self')).toBeUndefined()
    expect(channelField('media')).toBe('recommendingUnit')
    expect(channelField('individual')).toBe('informationSource')
    expect(channelField('')).toBeUndefined()
  })
})

describe('stateFromEntry', () => {
  it('should restore a saved entry with its uploaded files and add missing required sections', () => {
    const entry = {
      id: 5,
      title: '案例',
      campaign: { id: 4 },
      track: 'case',
      theme: 8,
      sections: [{ heading: '工作目标', body: '目标' }],
      attachments: [
        {
          file: { id: 11, filename: 'a.jpg', mimeType: 'image/jpeg', filesize: 5, url: '/a' },
          caption: 'c',
        },
        { file: 12, caption: null },
      ],
      channel: 'self',
      declarations: { original: true },
      status: 'draft',
      updatedAt: '',
      createdAt: '',
    } as unknown as Entry
    const state = stateFromEntry(entry, caseTrack)
    expect(state.entryId).toBe(5)
    expect(state.campaign).toBe(4)
    expect(state.theme).toBe(8)
    expect(state.sections.map((s) => s.heading)).toEqual(['工作目标', '主要举措', '推广情况'])
    expect(state.sections[0]?.body).toBe('目标')
    const later = stateFromEntry(
      {
        ...entry,
        sections: [
          { heading: '附记', body: 'P' },
          { heading: '推广情况', body: 'T' },
        ],
      },
      caseTrack,
    )
    expect(later.sections.map((s) => [s.heading, s.body])).toEqual([
      ['工作目标', ''],
      ['主要举措', ''],
      ['推广情况', 'T'],
      ['附记', 'P'],
    ])
    expect(state.attachments.map((a) => [a.file.id, a.file.kind, a.caption])).toEqual([
      [11, 'image', 'c'],
      [12, 'doc', ''],
    ])
    expect(state.declarations).toEqual({ original: true, truthful: false, freeUse: false })
    expect(state.authors).toHaveLength(1)
  })
})

describe('errors', () => {
  it.each([
    ['track', 'track'],
    ['theme', 'track'],
    ['title', 'content'],
    ['sections.1.body', 'content'],
    ['authors.0.name', 'content'],
    ['attachments.2.caption', 'attachments'],
    ['images', 'attachments'],
    ['declarations.freeUse', 'channel'],
    ['recommendingUnit', 'channel'],
    ['deadline', 'review'],
    ['', 'review'],
  ])('should put an error on %s in the %s step', (field, step) => {
    expect(stepOfField(field)).toBe(step)
  })

  it('should take a refused submit to the earliest step with an error', () => {
    expect(
      firstErrorStep([
        { field: 'declarations.original', message: 'x' },
        { field: 'attachments.0.caption', message: 'y' },
      ]),
    ).toBe('attachments')
    expect(firstErrorStep([])).toBeUndefined()
  })

  it('should map a dotted path to input ids, most specific first', () => {
    expect(inputIdOf('sections.1.body')).toBe('field-sections-1-body')
    expect(inputIdCandidates('attachments.2.file')).toEqual([
      'field-attachments-2-file',
      'field-attachments-2',
      'field-attachments',
    ])
  })

  it('should read errors and problems and skip items without a message', () => {
    expect(
      readErrors({
        errors: [{ field: 'title', message: '标题不能为空', code: 'title.required' }, {}],
      }),
    ).toEqual([{ field: 'title', message: '标题不能为空', code: 'title.required' }])
    expect(
      readErrors({ problems: [{ field: 'body', message: '正文超过 2000 字', limit: 2000 }] }),
    ).toEqual([{ field: 'body', message: '正文超过 2000 字', limit: 2000 }])
    expect(readErrors('nope')).toEqual([])
  })

  it('should group messages by field', () => {
    const grouped = errorsByField([
      { field: 'title', message: 'a' },
      { field: 'title', message: 'b' },
      { field: 'abstract', message: 'c' },
    ])
    expect(grouped.get('title')).toEqual(['a', 'b'])
    expect(grouped.size).toBe(2)
  })
})

describe('declarations', () => {
  it('should attach the full text of the campaign terms each declaration accepts', () => {
    const list = declarations({
      legalTerms: [
        { key: 'originality', title: '原创声明', text: '须为原创。' },
        { key: 'licence', title: '使用授权', text: '无偿使用。' },
        { key: 'rights', title: '第三方权利', text: '不得侵权。' },
      ],
    } as Pick<Campaign, 'legalTerms'>)
    expect(list.map((d) => d.key)).toEqual(['original', 'truthful', 'freeUse'])
    expect(list[0]?.terms).toEqual([
      { title: '原创声明', text: '须为原创。' },
      { title: '第三方权利', text: '不得侵权。' },
    ])
    expect(list[0]?.pledge).toContain('原创')
    expect(list[1]?.terms).toEqual([])
    expect(list[2]?.terms[0]?.text).toBe('无偿使用。')
  })
})

describe('submissionWindow', () => {
  const phases = [
    {
      kind: 'submission' as const,
      startsAt: '2026-01-31T16:00:00.000Z',
      endsAt: '2026-06-29T16:00:00.000Z',
    },
    {
      kind: 'voting' as const,
      startsAt: '2026-06-30T16:00:00.000Z',
      endsAt: '2026-07-31T16:00:00.000Z',
    },
  ]

  it('should be open inside the phase when the server agrees', () => {
    expect(
      submissionWindow({ phases, openPhases: ['submission'] }, new Date('2026-03-01T00:00:00Z')),
    ).toEqual({
      state: 'open',
      endsAt: phases[0]?.endsAt,
    })
  })

  it('should say when it opens or closed', () => {
    expect(
      submissionWindow({ phases, openPhases: [] }, new Date('2026-01-01T00:00:00Z')).state,
    ).toBe('upcoming')
    expect(
      submissionWindow({ phases, openPhases: ['voting'] }, new Date('2026-07-05T00:00:00Z')),
    ).toEqual({ state: 'closed', endsAt: phases[0]?.endsAt })
    expect(submissionWindow({ phases: [], openPhases: [] }).state).toBe('none')
  })

  it('should close at the exact end instant', () => {
    expect(
      submissionWindow({ phases, openPhases: ['submission'] }, new Date(phases[0]!.endsAt)).state,
    ).toBe('closed')
  })
})

describe('canDelete', () => {
  it.each([
    ['draft', true],
    ['returned', false],
    ['submitted', false],
    ['withdrawn', false],
  ] as const)('should allow deleting a %s entry: %s', (status, allowed) => {
    expect(canDelete({ status })).toBe(allowed)
  })

  it('should follow the server flag when it sends one', () => {
    expect(canDelete({ status: 'draft', deletable: false })).toBe(false)
  })
})

describe('entryActions', () => {
  it.each([
    ['draft', { edit: true, withdraw: true, locked: false }],
    ['returned', { edit: true, withdraw: true, locked: false }],
    ['submitted', { edit: false, withdraw: true, locked: false }],
    ['screening', { edit: false, withdraw: false, locked: true }],
    ['awarded', { edit: false, withdraw: false, locked: true }],
    ['withdrawn', { edit: false, withdraw: false, locked: false }],
  ] as const)('should allow on a %s entry %j', (status, actions) => {
    expect(entryActions({ status })).toEqual(actions)
  })

  it('should follow the server flags when it sends them', () => {
    expect(entryActions({ status: 'submitted', editable: false, withdrawable: false })).toEqual({
      edit: false,
      withdraw: false,
      locked: true,
    })
  })
})

describe('history and small helpers', () => {
  it('should list the history oldest first in Beijing time with Chinese labels', () => {
    const lines = historyLines({
      history: [
        {
          from: 'submitted',
          to: 'returned',
          at: '2026-05-02T02:00:00.000Z',
          reason: '缺少推广情况',
        },
        { from: null, to: 'draft', at: '2026-05-01T16:30:00.000Z' },
      ],
    })
    expect(lines).toEqual([
      { from: '—', to: '草稿', at: '2026年5月2日 00:30', reason: '' },
      { from: '已提交', to: '退回修改', at: '2026年5月2日 10:00', reason: '缺少推广情况' },
    ])
  })

  it('should say why an entry was returned: the reason from the list, then the editor’s text', () => {
    const [line] = historyLines({
      history: [
        {
          from: 'screening',
          to: 'returned',
          at: '2026-05-02T02:00:00.000Z',
          reasonLabel: '材料不全',
          reason: '缺少推广情况',
        },
      ],
    })
    expect(line?.reason).toBe('材料不全：缺少推广情况')
  })

  it('should show the saved time as HH:mm in Beijing time', () => {
    expect(clockTime('2026-05-01T16:05:59Z')).toBe('00:05')
  })

  it('should read only a positive integer entry parameter', () => {
    expect(entryParam('?entry=12')).toBe(12)
    expect(entryParam('?entry=1.5')).toBeUndefined()
    expect(entryParam('?entry=')).toBeUndefined()
    expect(entryParam('')).toBeUndefined()
  })

  it('should encode the page to come back to after signing in', () => {
    expect(loginHref('/login', '/campaigns/a/submit?entry=3')).toBe(
      '/login?next=%2Fcampaigns%2Fa%2Fsubmit%3Fentry%3D3',
    )
  })
})

describe('liveProblems', () => {
  it('should flag a body over the limit at the section that crosses it, while typing', () => {
    const state = emptyState(1, {
      ...caseTrack,
      requirements: { bodyMaxChars: 10, requiredSections: ['工作目标', '主要举措'] },
    })
    state.sections[0]!.body = '一二三四五六'
    state.sections[1]!.body = '七八九十十一'
    const problems = liveProblems(
      { ...caseTrack, requirements: { bodyMaxChars: 10 } },
      state,
      false,
    )
    expect(problems.map((p) => [p.field, p.code])).toEqual([['sections.1.body', 'body.tooLong']])
  })

  it('should ask for the title and declarations only when the entry is checked as complete', () => {
    const state = emptyState(1, poemTrack)
    expect(liveProblems(poemTrack, state, false)).toEqual([])
    const fields = liveProblems(poemTrack, state, true).map((p) => p.field)
    expect(fields).toContain('title')
    expect(fields).toContain('declarations.original')
  })
})

describe('liveProblems with media', () => {
  it('should accept a video uploaded to a track that allows mp4', () => {
    const videoTrack: Track = {
      key: 'story',
      name: '视频',
      kind: 'video',
      requirements: { allowedFileKinds: ['mp4'], maxDurationSeconds: 180 },
    }
    const state = emptyState(1, videoTrack)
    state.attachments = [
      {
        file: {
          id: 1,
          filename: 'v.mp4',
          kind: 'video',
          mimeType: 'video/mp4',
          bytes: 9,
          url: '',
          durationSeconds: 200,
        },
        caption: '',
      },
    ]
    const codes = liveProblems(videoTrack, state, false).map((p) => p.field + ' ' + p.code)
    expect(codes.some((c) => c.includes('kind'))).toBe(false)
    expect(codes.some((c) => c.startsWith('attachments.0.file'))).toBe(true)
  })
})

describe('saving blank required fields', () => {
  it('should leave out a blank title and blank sections, and map server section paths back', () => {
    const state = emptyState(1, caseTrack)
    state.title = '   '
    state.sections[1]!.body = '举措'
    state.authors = [{ name: '', title: '主任', affiliation: '' }]
    const body = patchBody(state)
    expect('title' in body).toBe(false)
    expect(body.sections).toEqual([{ heading: '主要举措', body: '举措' }])
    expect(body.authors).toEqual([])
    expect(sentSectionIndexes(state)).toEqual([1])
    expect(
      toFormPaths(
        [
          { field: 'sections.0.body', message: 'a' },
          { field: 'sections', message: 'b' },
          { field: 'title', message: 'c' },
        ],
        sentSectionIndexes(state),
      ).map((e) => e.field),
    ).toEqual(['sections.1.body', 'sections', 'title'])
  })

  it('should read Payload validation errors that name the field path', () => {
    expect(
      readErrors({ errors: [{ label: '标题', message: '该字段为必填项目。', path: 'title' }] }),
    ).toEqual([{ field: 'title', message: '该字段为必填项目。' }])
  })
})
