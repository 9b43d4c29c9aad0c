import { describe, expect, it } from 'vitest'

import { isOpen, isPhaseOpen, openPhaseKinds, phaseState, shanghaiDay, windowOf } from './index'

// Seed 000: 作品上报时间截至 2022年6月30日零时 (Asia/Shanghai) = 2022-06-29T16:00:00Z.
const submission = {
  kind: 'submission',
  startsAt: '2021-10-31T16:00:00.000Z',
  endsAt: '2022-06-29T16:00:00.000Z',
}
// 7月1日—31日 public voting: from 07-01 00:00 to 08-01 00:00 Shanghai.
const voting = {
  kind: 'voting',
  startsAt: '2022-06-30T16:00:00.000Z',
  endsAt: '2022-07-31T16:00:00.000Z',
}
const screening = {
  kind: 'screening',
  startsAt: '2022-03-31T16:00:00.000Z',
  endsAt: '2022-07-31T16:00:00.000Z',
}

describe('phaseState around the submission deadline instant', () => {
  it.each([
    ['2021-10-31T15:59:59.999Z', 'upcoming'],
    ['2021-10-31T16:00:00.000Z', 'open'],
    ['2022-06-29T15:59:59.999Z', 'open'],
    ['2022-06-29T16:00:00.000Z', 'closed'],
    ['2022-06-30T08:00:00.000Z', 'closed'],
  ])('should be %s → %s', (now, expected) => {
    expect(phaseState(submission, new Date(now))).toBe(expected)
  })

  it('should close at Shanghai midnight, which is still 29 June in UTC', () => {
    expect(shanghaiDay('2022-06-29T15:59:59.999Z')).toBe('2022-06-29')
    expect(shanghaiDay('2022-06-29T16:00:00.000Z')).toBe('2022-06-30')
  })
})

describe('openPhaseKinds', () => {
  const phases = [submission, screening, voting]

  it('should list overlapping phases together', () => {
    expect(openPhaseKinds(phases, new Date('2022-06-01T00:00:00Z')).sort()).toEqual([
      'screening',
      'submission',
    ])
  })

  it('should open voting at 1 July 00:00 Shanghai and close it at 1 August 00:00', () => {
    expect(isPhaseOpen(phases, 'voting', new Date('2022-06-30T15:59:59Z'))).toBe(false)
    expect(isPhaseOpen(phases, 'voting', new Date('2022-06-30T16:00:00Z'))).toBe(true)
    expect(isPhaseOpen(phases, 'voting', new Date('2022-07-31T15:59:59Z'))).toBe(true)
    expect(isPhaseOpen(phases, 'voting', new Date('2022-07-31T16:00:00Z'))).toBe(false)
  })

  it('should report nothing open after the last phase', () => {
    expect(openPhaseKinds(phases, new Date('2023-01-01T00:00:00Z'))).toEqual([])
  })
})

describe('isOpen, the one window rule', () => {
  it.each([
    [Date.parse(submission.startsAt) - 1, false],
    [Date.parse(submission.startsAt), true],
    [Date.parse(submission.endsAt) - 1, true],
    [Date.parse(submission.endsAt), false],
  ])('should open from the start instant up to, not including, the end (%s → %s)', (at, open) => {
    expect(isOpen(submission, at)).toBe(open)
  })

  it('should never open a phase whose dates name no instant', () => {
    expect(isOpen({ startsAt: 'not a date', endsAt: '2030-01-01T00:00:00Z' }, Date.now())).toBe(
      false,
    )
  })
})

describe('windowOf', () => {
  const round2 = {
    kind: 'submission',
    startsAt: '2022-09-01T00:00:00Z',
    endsAt: '2022-10-01T00:00:00Z',
  }
  const phases = [round2, submission, voting]

  it('should prefer the open round', () => {
    expect(windowOf(phases, 'submission', '2022-01-01T00:00:00Z')).toEqual({
      state: 'open',
      phase: submission,
    })
  })

  it('should point to the next round between two rounds', () => {
    expect(windowOf(phases, 'submission', '2022-07-15T00:00:00Z')).toEqual({
      state: 'upcoming',
      phase: round2,
    })
  })

  it('should name the last round once all are closed', () => {
    expect(windowOf(phases, 'submission', '2023-01-01T00:00:00Z')).toEqual({
      state: 'closed',
      phase: round2,
    })
  })

  it('should say none for a kind the campaign does not have', () => {
    expect(windowOf(phases, 'review', '2022-01-01T00:00:00Z')).toEqual({ state: 'none' })
  })
})
