import { describe, expect, it } from 'vitest'

import { CONFLICT_KINDS, CONFLICT_KIND_LABELS, conflictsOf } from './conflicts'

const entry = {
  id: 10,
  institutionId: 1,
  parentInstitutionId: 100,
  province: '浙江省',
  authorIds: [7, 8],
  submitterId: 9,
}
const stranger = { id: 5, institutionId: 2, parentInstitutionId: 200, province: '江苏省' }

describe('conflictsOf', () => {
  it('should find none for a reviewer from elsewhere', () => {
    expect(conflictsOf(entry, stranger, { sameProvince: true })).toEqual([])
  })

  it('should find each kind', () => {
    const rules = { sameProvince: true }
    expect(conflictsOf(entry, { ...stranger, institutionId: 1 }, rules)).toEqual(['institution'])
    expect(conflictsOf(entry, { ...stranger, parentInstitutionId: 100 }, rules)).toEqual([
      'parentInstitution',
    ])
    // The reviewer works at the 医共体 itself, or the entry comes from the reviewer's 医共体 head.
    expect(conflictsOf(entry, { ...stranger, institutionId: 100 }, rules)).toEqual([
      'parentInstitution',
    ])
    expect(
      conflictsOf({ ...entry, institutionId: 200 }, { ...stranger, institutionId: 3 }, rules),
    ).toEqual(['parentInstitution'])
    expect(conflictsOf(entry, { ...stranger, province: '浙江省' }, rules)).toEqual(['province'])
    expect(conflictsOf(entry, { ...stranger, id: 8 }, rules)).toEqual(['author'])
    expect(conflictsOf(entry, { ...stranger, id: '9' }, rules)).toEqual(['submitter'])
    expect(conflictsOf(entry, { ...stranger, declaredEntryIds: ['10'] }, rules)).toEqual([
      'declared',
    ])
  })

  it('should ignore the province unless the campaign asks, and never match missing facts', () => {
    expect(
      conflictsOf(entry, { ...stranger, province: '浙江省' }, { sameProvince: false }),
    ).toEqual([])
    const bare = { id: 1 }
    expect(conflictsOf(bare, { id: 2 }, { sameProvince: true })).toEqual([])
    expect(
      conflictsOf(
        { id: 1, institutionId: null, province: '' },
        { id: 2, institutionId: null, province: '' },
        { sameProvince: true },
      ),
    ).toEqual([])
  })

  it('should list several kinds in table order, each with a label', () => {
    const kinds = conflictsOf(
      entry,
      {
        id: 9,
        institutionId: 1,
        parentInstitutionId: 100,
        province: '浙江省',
        declaredEntryIds: [10],
      },
      { sameProvince: true },
    )
    expect(kinds).toEqual(['institution', 'parentInstitution', 'province', 'submitter', 'declared'])
    expect(
      CONFLICT_KINDS.every((k) => CONFLICT_KIND_LABELS[k].zh && CONFLICT_KIND_LABELS[k].en),
    ).toBe(true)
  })
})
