import { describe, expect, it } from 'vitest'

import {
  attachmentView,
  dueLeft,
  formatTotal,
  isActive,
  isOpen,
  isTaskId,
  liveTotal,
  parseScore,
  readTaskDetail,
  readTaskList,
  reasonProblem,
  REASON_MAX,
  reviewBody,
  scopeProblems,
  scoreProblems,
  sortTasks,
  taskHref,
  type ReviewTaskSummary,
  type RubricCriterion,
} from './review'

const criterion = (key: string, weight: number, scaleMax = 10): RubricCriterion => ({
  key,
  label: key === 'innovation' ? '创新性' : key,
  weight,
  scaleMax,
  description: '',
})

const equal = [criterion('innovation', 50), criterion('effectiveness', 50)]
const uneven = [criterion('a', 1), criterion('b', 2)]

describe('the live weighted total', () => {
  it('should weigh each score on its own scale out of 100', () => {
    expect(liveTotal(equal, { innovation: 8, effectiveness: 6 })).toBe(70)
  })

  it('should put scores on different scales on one 0–100 scale', () => {
    const mixed = [criterion('a', 40, 5), criterion('b', 60, 20)]
    expect(liveTotal(mixed, { a: 5, b: 10 })).toBe(70)
  })

  it('should round to 0.01, down below a half', () => {
    // (1·90 + 2·95) / 3 = 93.333…
    expect(liveTotal(uneven, { a: 9, b: 9.5 })).toBe(93.33)
  })

  it('should round to 0.01, up from a half', () => {
    // (1·100 + 2·95) / 3 = 96.666…
    expect(liveTotal(uneven, { a: 10, b: 9.5 })).toBe(96.67)
  })

  it('should take half points', () => {
    expect(liveTotal(equal, { innovation: 7.5, effectiveness: 8.5 })).toBe(80)
  })

  it('should give the full 100 for full marks', () => {
    expect(liveTotal(equal, { innovation: 10, effectiveness: 10 })).toBe(100)
  })

  it('should be null while a score is missing', () => {
    expect(liveTotal(equal, { innovation: 8 })).toBeNull()
  })

  it('should be null while a score is cleared', () => {
    expect(liveTotal(equal, { innovation: 8, effectiveness: null })).toBeNull()
  })

  it('should be null for a score above its scale', () => {
    expect(liveTotal(equal, { innovation: 11, effectiveness: 8 })).toBeNull()
  })

  it('should be null for a negative score', () => {
    expect(liveTotal(equal, { innovation: -1, effectiveness: 8 })).toBeNull()
  })

  it('should be null for a rubric without criteria', () => {
    expect(liveTotal([], {})).toBeNull()
  })
})

describe('how a total reads', () => {
  it.each([
    [93.33, '93.33'],
    [80, '80.00'],
    [78.5, '78.50'],
    [100, '100.00'],
    [0, '0.00'],
    [null, '—'],
    [undefined, '—'],
  ] as const)('should show %s as %s', (total, text) => {
    expect(formatTotal(total)).toBe(text)
  })
})

describe('a typed score', () => {
  it.each([
    ['8', 8],
    [' 7.5 ', 7.5],
    ['7,5', 7.5],
    ['7，5', 7.5],
    ['0', 0],
    ['', null],
    ['  ', null],
    ['abc', null],
    [null, null],
  ] as const)('should read %j as %s', (raw, score) => {
    expect(parseScore(raw)).toBe(score)
  })
})

describe('what stops a submit', () => {
  it('should name every missing and out-of-range criterion in rubric order', () => {
    const rubric = [criterion('innovation', 40), criterion('b', 30), criterion('c', 30, 5)]
    expect(scoreProblems(rubric, { b: 12, c: 5 })).toEqual([
      { key: 'innovation', label: '创新性', scaleMax: 10, problem: 'missing' },
      { key: 'b', label: 'b', scaleMax: 10, problem: 'range' },
    ])
  })

  it('should find nothing when every score is within its scale', () => {
    expect(scoreProblems(equal, { innovation: 0, effectiveness: 10 })).toEqual([])
  })
})

describe('the body of a save', () => {
  it('should leave unscored criteria out of a partial draft', () => {
    expect(reviewBody(equal, { innovation: 8, effectiveness: null }, ' 很好 ', '')).toEqual({
      scores: { innovation: 8 },
      comment: '很好',
    })
  })

  it('should send only the rubric’s own criteria and a known recommendation', () => {
    expect(reviewBody(equal, { innovation: 8, other: 3 }, '', 'recommend')).toEqual({
      scores: { innovation: 8 },
      comment: '',
      recommendation: 'recommend',
    })
  })

  it('should drop a recommendation the API does not know', () => {
    expect(reviewBody(equal, {}, '', 'maybe')).toEqual({ scores: {}, comment: '' })
  })
})

describe('a reason for declining or a conflict', () => {
  it.each([
    ['', 'missing'],
    ['   ', 'missing'],
    ['本人为该单位职工', null],
    ['理'.repeat(REASON_MAX), null],
    ['理'.repeat(REASON_MAX + 1), 'long'],
  ] as const)('should judge a reason of %#', (reason, problem) => {
    expect(reasonProblem(reason)).toBe(problem)
  })

  it('should scope the server’s field names to one form and leave form-wide problems alone', () => {
    expect(
      scopeProblems(
        [
          { field: 'reason', code: 'required', message: '请填写理由' },
          { code: 'conflict', message: '该任务已提交' },
        ],
        'conflict',
      ),
    ).toEqual([
      { field: 'conflict.reason', code: 'required', message: '请填写理由' },
      { code: 'conflict', message: '该任务已提交' },
    ])
  })
})

describe('the time left before the due date', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  it.each([
    ['2026-06-04T00:00:00Z', { unit: 'days', n: 3 }],
    ['2026-06-03T23:00:00Z', { unit: 'days', n: 2 }],
    ['2026-06-02T00:00:00Z', { unit: 'days', n: 1 }],
    ['2026-06-01T23:00:00Z', { unit: 'hours', n: 23 }],
    ['2026-06-01T00:10:00Z', { unit: 'hours', n: 1 }],
    ['2026-06-01T00:00:00Z', { unit: 'over' }],
    ['2026-05-30T00:00:00Z', { unit: 'over' }],
  ] as const)('should say it for a task due %s', (dueAt, left) => {
    expect(dueLeft(dueAt, now)).toEqual(left)
  })

  it('should say nothing further out than three days', () => {
    expect(dueLeft('2026-06-04T00:00:01Z', now)).toBeNull()
  })

  it('should say nothing without a due date', () => {
    expect(dueLeft(null, now)).toBeNull()
  })
})

const task = (
  id: number,
  status: ReviewTaskSummary['status'],
  dueAt: string | null,
  number: string,
): ReviewTaskSummary => ({ id, status, dueAt, entry: { id: id * 10, number } })

describe('the task list', () => {
  it('should put open work first, soonest due first, then submitted, then left', () => {
    const sorted = sortTasks([
      task(1, 'declined', '2026-06-01T00:00:00Z', 'A1'),
      task(2, 'submitted', '2026-06-01T00:00:00Z', 'A2'),
      task(3, 'assigned', null, 'A3'),
      task(4, 'draft', '2026-06-05T00:00:00Z', 'A4'),
      task(5, 'assigned', '2026-06-02T00:00:00Z', 'A5'),
      task(6, 'conflicted', null, 'A0'),
    ])
    expect(sorted.map((t) => t.id)).toEqual([5, 4, 3, 2, 1, 6])
  })

  it('should read tasks and progress from the answer', () => {
    const list = readTaskList({
      tasks: [task(1, 'draft', null, 'A1'), { id: 2 }, null],
      progress: { assigned: 3, submitted: 1 },
    })
    expect(list).toEqual({
      tasks: [task(1, 'draft', null, 'A1')],
      progress: { assigned: 3, submitted: 1 },
    })
  })

  it('should count the progress from the rows when the answer has none', () => {
    const list = readTaskList({
      tasks: [
        task(1, 'submitted', null, 'A1'),
        task(2, 'draft', null, 'A2'),
        task(3, 'declined', null, 'A3'),
      ],
    })
    expect(list.progress).toEqual({ assigned: 2, submitted: 1 })
  })

  it('should read an unusable answer as no tasks', () => {
    expect(readTaskList('oops')).toEqual({ tasks: [], progress: { assigned: 0, submitted: 0 } })
  })

  it.each([
    ['42', true],
    ['65f1a2b3c4d5e6f708192a3b', true],
    ['0', false],
    ['-1', false],
    ['4.2', false],
    ['abc', false],
    ['', false],
    [undefined, false],
  ] as const)('should take %j as a task id: %s', (id, valid) => {
    expect(isTaskId(id)).toBe(valid)
  })

  it('should link a task to its own page', () => {
    expect(taskHref('/en/review/', 42)).toBe('/en/review/42')
  })
})

describe('which tasks the reviewer may still change', () => {
  it.each([
    ['assigned', true, true],
    ['draft', true, true],
    ['submitted', false, true],
    ['declined', false, false],
    ['conflicted', false, false],
  ] as const)('should treat %s as open: %s, active: %s', (status, open, active) => {
    expect([isOpen(status), isActive(status)]).toEqual([open, active])
  })
})

describe('how an attachment is shown', () => {
  it.each([
    [{ mimeType: 'image/jpeg', kind: 'image' }, 'image'],
    [{ mimeType: 'application/pdf', kind: 'pdf' }, 'pdf'],
    [{ mimeType: 'video/mp4', kind: 'mp4' }, 'video'],
    [{ mimeType: 'audio/mpeg', kind: 'mp3' }, 'audio'],
    [{ mimeType: 'audio/x-m4a', kind: 'm4a' }, 'audio'],
    [
      {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        kind: 'docx',
      },
      'file',
    ],
    [{ mimeType: null, kind: 'wav' }, 'audio'],
    [{ mimeType: 'application/octet-stream', kind: 'mp4' }, 'video'],
    [{ mimeType: null, kind: null }, 'file'],
  ] as const)('should show %j as %s', (attachment, view) => {
    expect(attachmentView(attachment)).toBe(view)
  })
})

describe('a task as the page reads it', () => {
  const answer = {
    task: { id: 7, status: 'draft', scores: { innovation: 8 }, total: null },
    entry: {
      number: 'A-001',
      title: '县域医共体',
      sections: [{ heading: '做法', body: '……' }, null],
      attachments: [{ index: 0, kind: 'image', mimeType: 'image/png', url: '/x' }, { index: 1 }],
    },
    rubric: [
      criterion('innovation', 50),
      { key: 'effectiveness', weight: 50, scaleMax: 10 },
      { key: 'broken', weight: 10, scaleMax: 0 },
    ],
    blind: true,
  }

  it('should keep usable criteria, naming one without a label by its key', () => {
    expect(readTaskDetail(answer)?.rubric).toEqual([
      criterion('innovation', 50),
      { key: 'effectiveness', label: 'effectiveness', weight: 50, scaleMax: 10, description: '' },
    ])
  })

  it('should drop sections and attachments it cannot show', () => {
    const entry = readTaskDetail(answer)?.entry
    expect([entry?.sections?.length, entry?.attachments?.length]).toEqual([1, 1])
  })

  it('should keep the blind flag', () => {
    expect(readTaskDetail(answer)?.blind).toBe(true)
  })

  it.each([
    ['nothing', undefined],
    ['no task', { entry: {} }],
    ['a page', '<html>'],
  ] as const)('should refuse %s', (_name, data) => {
    expect(readTaskDetail(data)).toBeUndefined()
  })
})
