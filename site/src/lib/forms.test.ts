import { describe, expect, it } from 'vitest'

import { fieldId, fieldIdCandidates, readFieldErrors, serializeForm } from './forms'

describe('serializeForm', () => {
  it('should nest dotted names and turn repeatable rows into arrays of the contract', () => {
    const body = serializeForm([
      ['institution.name', ' 北京协和医院 '],
      ['institution.campuses.0.name', '东单院区'],
      ['institution.campuses.0.address', '东城区帅府园1号'],
      ['institution.campuses.1.name', '西单院区'],
      ['institution.mediaAccounts.0.kind', 'wechat'],
      ['institution.mediaAccounts.0.name', '协和医院'],
      ['account.password', ' secret with spaces '],
    ])
    expect(body).toEqual({
      institution: {
        name: '北京协和医院',
        campuses: [{ name: '东单院区', address: '东城区帅府园1号' }, { name: '西单院区' }],
        mediaAccounts: [{ kind: 'wechat', name: '协和医院' }],
      },
      account: { password: ' secret with spaces ' },
    })
  })

  it('should close the hole a removed row leaves', () => {
    const body = serializeForm([
      ['partner.embedDomains.0', 'a.example.org'],
      ['partner.embedDomains.2', 'c.example.org'],
    ])
    expect(body).toEqual({ partner: { embedDomains: ['a.example.org', 'c.example.org'] } })
  })

  it('should send checkbox groups as arrays, empty when nothing is ticked', () => {
    const options = { lists: ['partner.modes'], booleans: ['agreement'] }
    expect(
      serializeForm(
        [
          ['partner.modes', 'print'],
          ['partner.modes', 'website'],
          ['agreement', 'true'],
        ],
        options,
      ),
    ).toEqual({ partner: { modes: ['print', 'website'] }, agreement: true })
    expect(serializeForm([], options)).toEqual({ partner: { modes: [] }, agreement: false })
  })
})

describe('readFieldErrors', () => {
  it('should read the participants contract with its limits', () => {
    expect(
      readFieldErrors({
        errors: [
          { field: 'organization', message: '每家机构最多 20 名医生', limit: 20 },
          { field: 'institution.licenceName', message: '机构名称与营业执照名称不一致' },
        ],
      }),
    ).toEqual([
      { field: 'organization', message: '每家机构最多 20 名医生', limit: 20 },
      { field: 'institution.licenceName', message: '机构名称与营业执照名称不一致' },
    ])
  })

  it('should read the nested paths of Payload validation errors', () => {
    expect(
      readFieldErrors({
        errors: [
          {
            name: 'ValidationError',
            message: 'The following field is invalid: mimeType',
            data: { errors: [{ path: 'mimeType', message: '文件类型不允许' }] },
          },
        ],
      }),
    ).toEqual([{ field: 'mimeType', message: '文件类型不允许' }])
  })

  it('should give nothing for bodies that are not errors', () => {
    expect(readFieldErrors(undefined)).toEqual([])
    expect(readFieldErrors('oops')).toEqual([])
    expect(readFieldErrors({ errors: [null, { message: '' }, 3] })).toEqual([])
    expect(readFieldErrors({ errors: [{ message: '服务暂不可用' }] })).toEqual([
      { field: '', message: '服务暂不可用' },
    ])
  })
})

describe('fieldId', () => {
  it('should map a dotted path to the id its input carries', () => {
    expect(fieldId('institution.campuses.1.name')).toBe('field-institution-campuses-1-name')
    expect(fieldId('agreement')).toBe('field-agreement')
  })

  it('should fall back from a row field to its row and its group', () => {
    expect(fieldIdCandidates('partner.embedDomains.2')).toEqual([
      'field-partner-embedDomains-2',
      'field-partner-embedDomains',
      'field-partner',
    ])
    expect(fieldIdCandidates('')).toEqual([])
  })
})
