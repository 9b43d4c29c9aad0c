import { describe, expect, it } from 'vitest'

import { reminderDue } from './reviews'

const due = new Date('2026-05-10T16:00:00Z')
const hoursBefore = (h: number) => new Date(due.getTime() - h * 3_600_000)

describe('reminderDue', () => {
  it.each([
    [100, [], null],
    [72, [], 72],
    [50, [], 72],
    [50, [72], null],
    [24, [72], 24],
    [10, [72, 24], null],
    [10, [], 24],
    [0, [], null],
    [-5, [], null],
  ] as const)('should at %d h before with %j sent remind %s', (h, sent, expected) => {
    expect(reminderDue(due, hoursBefore(h), sent)).toBe(expected)
  })
})
