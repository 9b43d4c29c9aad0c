import { describe, expect, it } from 'vitest'

import { matchPath } from './matchPath'

describe('matchPath', () => {
  it('should match a literal path exactly', () => {
    expect(matchPath('/submissions/mine', '/submissions/mine')).toEqual({})
  })

  it('should take a param from its segment, decoded', () => {
    expect(
      matchPath('/submissions/entries/:id/submit', '/submissions/entries/4%202/submit'),
    ).toEqual({ id: '4 2' })
  })

  it('should name no entry for a malformed escape', () => {
    expect(matchPath('/submissions/drafts/:id', '/submissions/drafts/%E0%A4%A')).toEqual({
      id: '\u0000',
    })
  })

  it.each([
    ['/submissions/mine', '/submissions/mine/'],
    ['/submissions/mine', '/submissions/MINE'],
    ['/submissions/drafts/:id', '/submissions/drafts/'],
    ['/submissions/drafts/:id', '/submissions/drafts/1/2'],
    ['/submissions/entries/:id/submit', '/submissions/entries/1/withdraw'],
    ['/submissions/entries', '/submissions/entries/1'],
  ])('should refuse %s for %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull()
  })
})
