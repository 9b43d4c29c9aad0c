import { describe, expect, it } from 'vitest'

import { keepWarm } from './warm'

const day = 86_400_000
type Campaign = NonNullable<Parameters<typeof keepWarm>[1]['campaigns']>[number]
type Phase = NonNullable<Campaign['phases']>[number]

const phase = (kind: Phase['kind'], from: number, to: number): Phase => ({
  kind,
  startsAt: new Date(Date.now() + from).toISOString(),
  endsAt: new Date(Date.now() + to).toISOString(),
})

function declared(scope: Parameters<typeof keepWarm>[1]) {
  let options: { maxAge?: number; tags?: string[] } = {}
  keepWarm({ set: (o) => (options = o) }, scope)
  return options
}

describe('keepWarm', () => {
  it('should carry the page’s tags and each campaign’s, with what of it the page shows', () => {
    const campaign = { id: 7, phases: [], openPhases: [] }
    expect(declared({ tags: ['entry:3'], campaigns: [campaign] }).tags).toEqual([
      'entry:3',
      'campaign:7',
    ])
    expect(
      declared({ tags: [], campaigns: [campaign], shows: ['entries', 'results'] }).tags,
    ).toEqual(['campaign:7', 'entries:7', 'results:7'])
  })

  it('should keep a page until the next phase boundary, an hour at most', () => {
    const soon: Campaign = {
      id: 1,
      phases: [phase('submission', -day, 90_000)],
      openPhases: ['submission'],
    }
    expect(declared({ tags: [], campaigns: [soon] }).maxAge).toBe(90)
    expect(declared({ tags: ['home'] }).maxAge).toBe(3_600)
    expect(declared({ tags: ['gallery'], maxAge: 30 }).maxAge).toBe(30)
  })

  it('should keep a page tallying an open vote only seconds', () => {
    const voting: Campaign = { id: 2, phases: [phase('voting', -day, day)], openPhases: ['voting'] }
    expect(declared({ tags: [], campaigns: [voting], tallies: true }).maxAge).toBe(10)
    expect(declared({ tags: [], campaigns: [voting] }).maxAge).toBe(3_600)
  })
})
