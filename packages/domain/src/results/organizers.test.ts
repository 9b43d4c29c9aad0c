import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  checkOrganizerRule,
  describeOrganizerRule,
  rankOrganizers,
  type OrganizerInputRow,
} from './organizers'

const rows = (institution: string, entries: number, awarded: number): OrganizerInputRow[] =>
  Array.from({ length: entries }, (_, i) => ({
    institution,
    province: '浙江省',
    tier: i < awarded ? 'excellent' : null,
    revoked: false,
  }))

describe('excellent organizing institutions', () => {
  it('should rank by awarded then entries, keep the rule’s floors and leave a boundary tie out whole', () => {
    const input = [
      ...rows('甲医院', 6, 3),
      ...rows('乙医院', 5, 2),
      ...rows('丙医院', 4, 2),
      ...rows('丁医院', 4, 2),
      ...rows('戊医院', 1, 1),
      ...rows('己医院', 8, 0),
      // A revoked award does not count for its institution.
      { institution: '乙医院', province: '浙江省', tier: 'excellent', revoked: true },
    ]
    const { candidates } = rankOrganizers(input, { minEntries: 2, minAwarded: 1, limit: 3 })
    expect(
      candidates.map((c) => [c.institution, c.entries, c.awarded, c.rank, c.selected]),
    ).toEqual([
      ['甲医院', 6, 3, 1, true],
      ['乙医院', 6, 2, 2, true],
      // 丙 and 丁 tie for the third place: both would make four, so neither is named.
      ['丁医院', 4, 2, 3, false],
      ['丙医院', 4, 2, 3, false],
    ])
  })

  it('should never name more than the limit, and name everyone ranked above any one it names', () => {
    const arbitraryRows = fc.array(
      fc.record({
        institution: fc.constantFrom('甲', '乙', '丙', '丁', '戊', '己', ' '),
        province: fc.constant('北京市'),
        tier: fc.constantFrom('best', null),
        revoked: fc.boolean(),
      }),
      { maxLength: 60 },
    )
    const rule = fc.record({
      minEntries: fc.integer({ min: 0, max: 4 }),
      minAwarded: fc.integer({ min: 0, max: 3 }),
      limit: fc.integer({ min: 1, max: 5 }),
    })
    fc.assert(
      fc.property(arbitraryRows, rule, (input, r) => {
        const { candidates } = rankOrganizers(input, r)
        const named = candidates.filter((c) => c.selected)
        expect(named.length).toBeLessThanOrEqual(r.limit)
        const worst = Math.max(0, ...named.map((c) => c.rank))
        expect(candidates.filter((c) => c.rank <= worst).every((c) => c.selected)).toBe(true)
        expect(candidates.every((c) => c.entries >= r.minEntries && c.awarded >= 1)).toBe(true)
      }),
    )
  })

  it('should refuse a rule outside its bounds, naming the field, and publish it in words', () => {
    expect(checkOrganizerRule({ minEntries: 0, minAwarded: 0, limit: 0 })).toBe(
      '优秀组织机构的名额须为 1 到 500 之间的整数',
    )
    expect(checkOrganizerRule({ minEntries: 3, minAwarded: 1, limit: 10 })).toBeNull()
    expect(describeOrganizerRule({ minEntries: 3, minAwarded: 1, limit: 10 })).toContain(
      '不少于 3 件、入选不少于 1 件',
    )
  })
})
