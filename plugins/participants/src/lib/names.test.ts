import { describe, expect, it } from 'vitest'

import { namesMatch, normalizeInstitutionName } from './names'

describe('normalizeInstitutionName', () => {
  it('should fold full-width brackets to half-width', () => {
    expect(normalizeInstitutionName('北京协和医院（东院）')).toBe('北京协和医院(东院)')
  })

  it('should drop spaces around Chinese text and brackets, ideographic spaces included', () => {
    expect(normalizeInstitutionName(' 北京　协和 医院 ( 东院 ) ')).toBe('北京协和医院(东院)')
  })

  it('should keep one space between Latin words and ignore their case', () => {
    expect(normalizeInstitutionName('Peking   Union  HOSPITAL')).toBe('peking union hospital')
  })

  it('should fold full-width Latin letters and digits', () => {
    expect(normalizeInstitutionName('第３人民医院ＡＢ')).toBe('第3人民医院ab')
  })
})

describe('namesMatch', () => {
  it('should accept the same name written with different bracket widths and spaces', () => {
    expect(namesMatch('四川大学华西医院（本部）', '四川大学 华西医院(本部)')).toBe(true)
  })

  it('should refuse a different name', () => {
    expect(namesMatch('四川大学华西医院', '四川大学华西第二医院')).toBe(false)
  })

  it('should refuse an empty name even against an empty licence', () => {
    expect(namesMatch('  ', '')).toBe(false)
  })
})
