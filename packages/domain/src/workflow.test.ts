import { describe, expect, it } from 'vitest'

import { ENTRY_STATES } from './entryStates'
import {
  DEFAULT_TRANSITION_REASONS,
  ENTRY_ACTIONS,
  TRANSITIONS,
  actionBetween,
  availableActions,
  checkTransition,
  isRefusal,
} from './workflow'

const open = { startsAt: '2026-01-01T00:00:00+08:00', endsAt: '2027-01-01T00:00:00+08:00' }
const closed = { startsAt: '2020-01-01T00:00:00+08:00', endsAt: '2020-02-01T00:00:00+08:00' }

describe('the transition table', () => {
  it('should name every action once, from states that exist, to a state that exists', () => {
    expect(TRANSITIONS.map((t) => t.action).sort()).toEqual([...ENTRY_ACTIONS].sort())
    for (const t of TRANSITIONS) {
      expect(ENTRY_STATES).toContain(t.to)
      for (const from of t.from) {
        expect(ENTRY_STATES).toContain(from)
        expect(from).not.toBe(t.to)
      }
    }
  })

  it('should leave awarded only by revoking, and revoked, rejected and withdrawn never', () => {
    const leaving = (s: string) => TRANSITIONS.filter((t) => t.from.includes(s as never))
    expect(leaving('awarded').map((t) => t.action)).toEqual(['revoke'])
    expect(leaving('revoked')).toEqual([])
    expect(leaving('rejected')).toEqual([])
    expect(leaving('withdrawn')).toEqual([])
  })

  it('should give every reason-needing action at least one default reason', () => {
    for (const t of TRANSITIONS.filter((x) => x.needsReason)) {
      expect(DEFAULT_TRANSITION_REASONS.some((r) => r.actions.includes(t.action))).toBe(true)
    }
  })

  it('should find the action of a move only when one action makes it', () => {
    expect(actionBetween('screening', 'accepted')).toBe('accept')
    expect(actionBetween('draft', 'submitted')).toBe('submit')
    // Both reject and disqualify move screening → rejected.
    expect(actionBetween('screening', 'rejected')).toBeUndefined()
    expect(actionBetween('draft', 'awarded')).toBeUndefined()
  })
})

describe('checkTransition', () => {
  const base = { role: 'editor' as const, isSubmitter: false, phases: [] }

  it('should let an editor accept an entry in screening when no phase binds it', () => {
    const t = checkTransition({ ...base, action: 'accept', from: 'screening' })
    expect(isRefusal(t)).toBe(false)
  })

  it('should refuse an illegal pair with 409, naming the state and the action in Chinese', () => {
    const t = checkTransition({ ...base, action: 'accept', from: 'draft' })
    expect(t).toMatchObject({ status: 409, code: 'illegalTransition' })
    expect(isRefusal(t) && t.message).toBe('作品当前状态为“草稿”，不能“审核通过”')
  })

  it('should refuse a role that may never take the action with 403 before looking at the state', () => {
    for (const role of ['participant', 'reviewer', 'partner', undefined] as const) {
      const t = checkTransition({ ...base, role, action: 'accept', from: 'draft' })
      expect(t).toMatchObject({ status: 403, code: 'forbidden' })
    }
  })

  it('should let only the submitter withdraw, and send submitting to the form', () => {
    const submitter = { ...base, role: 'participant' as const, isSubmitter: true }
    expect(
      isRefusal(checkTransition({ ...submitter, action: 'withdraw', from: 'submitted' })),
    ).toBe(false)
    expect(checkTransition({ ...base, action: 'withdraw', from: 'submitted' })).toMatchObject({
      status: 403,
    })
    expect(checkTransition({ ...submitter, action: 'submit', from: 'draft' })).toMatchObject({
      code: 'formOnly',
    })
    expect(
      isRefusal(checkTransition({ ...submitter, action: 'submit', from: 'draft', viaForm: true })),
    ).toBe(false)
  })

  it('should bind an action to its phases only when the timeline names them', () => {
    const at = '2026-06-01T00:00:00+08:00'
    const voting = (w: typeof open) => [{ kind: 'voting', ...w }]
    expect(
      isRefusal(
        checkTransition({
          ...base,
          action: 'openVoting',
          from: 'accepted',
          phases: voting(open),
          at,
        }),
      ),
    ).toBe(false)
    const shut = checkTransition({
      ...base,
      action: 'openVoting',
      from: 'accepted',
      phases: voting(closed),
      at,
    })
    expect(shut).toMatchObject({ status: 409, code: 'phaseClosed' })
    expect(isRefusal(shut) && shut.message).toContain('公众投票')
    // Screening runs while submission or screening is open: either will do.
    const both = [
      { kind: 'submission', ...closed },
      { kind: 'screening', ...open },
    ]
    expect(
      isRefusal(
        checkTransition({ ...base, action: 'accept', from: 'screening', phases: both, at }),
      ),
    ).toBe(false)
  })

  it('should list exactly the actions that would pass', () => {
    expect(availableActions({ ...base, from: 'screening' }).sort()).toEqual(
      ['accept', 'disqualify', 'reject', 'return'].sort(),
    )
    expect(availableActions({ ...base, from: 'revoked' })).toEqual([])
  })

  it('should answer 400 for an action it does not know', () => {
    expect(checkTransition({ ...base, action: 'teleport', from: 'draft' })).toMatchObject({
      status: 400,
    })
  })
})
