import { describe, expect, it } from 'vitest'

import {
  DEFAULT_PROMOTION_WORDS,
  MAX_FLAGS_PER_KIND,
  isResidentId15,
  isResidentId18,
  screenContent,
  screenText,
} from './index'

// The worked example of GB 11643-1999 (check digit X) and its pre-1999 15-digit form.
const ID18 = '11010519491231002X'
const ID15 = '110105491231002'

const kinds = (text: string, words: readonly string[] = []) =>
  screenText(text, words).map((f) => `${f.kind}:${f.match}`)

describe('resident ID numbers', () => {
  it('should validate the check digit, the birth date and the region', () => {
    expect(isResidentId18(ID18)).toBe(true)
    expect(isResidentId18(ID18.toLowerCase())).toBe(true)
    // Same digits, wrong check digit.
    expect(isResidentId18('110105194912310021')).toBe(false)
    // 1949-02-30 does not exist.
    expect(isResidentId18('110105194902300021')).toBe(false)
    // Born in the future.
    expect(isResidentId18('110105209912310021', new Date('2026-01-01'))).toBe(false)
    // Region 99 does not exist.
    expect(isResidentId18('99010519491231002X')).toBe(false)
    expect(isResidentId15(ID15)).toBe(true)
    expect(isResidentId15('110105491331002')).toBe(false)
  })

  it('should flag a valid ID written plainly or in groups, and no random long number', () => {
    expect(kinds(`患者身份证号${ID18}，住院三天`)).toEqual([`id-number:${ID18}`])
    expect(kinds('号码 110105 19491231 002X 已登记')).toEqual(['id-number:110105 19491231 002X'])
    expect(kinds(`旧证${ID15}`)).toEqual([`id-number:${ID15}`])
    expect(kinds('订单号 202311230000123456，卡号 6222021234567890123')).toEqual([])
    expect(kinds('编号123456789012345678')).toEqual([])
    // Inside a longer run of digits it is not an ID.
    expect(kinds(`9${ID18}`)).toEqual([])
  })
})

describe('phone numbers', () => {
  it('should flag mainland mobiles with or without separators and country code', () => {
    expect(kinds('电话13812345678')).toEqual(['phone:13812345678'])
    expect(kinds('电话 138-1234-5678。')).toEqual(['phone:138-1234-5678'])
    expect(kinds('拨打+86 139 1234 5678咨询')).toEqual(['phone:+86 139 1234 5678'])
  })

  it('should flag landlines only with an area code', () => {
    expect(kinds('联系电话：010-64621631')).toEqual(['phone:010-64621631'])
    expect(kinds('（0755）86001234')).toEqual(['phone:（0755）86001234'])
    expect(kinds('0755 8600123')).toEqual(['phone:0755 8600123'])
  })

  it('should not flag years, counts, money or numbers that merely look long', () => {
    expect(kinds('2021年共随访64621631人次，投入12345678元，12812345678不是手机号')).toEqual([])
  })
})

describe('promotion words', () => {
  it('should flag listed words, also with spaces inside or in full-width letters', () => {
    expect(kinds('本品疗效最佳，加 微信 购买', DEFAULT_PROMOTION_WORDS)).toEqual([
      'promotion:疗效最佳',
      'promotion:加 微信',
    ])
    expect(kinds('详情加Ｖ', ['加v'])).toEqual(['promotion:加Ｖ'])
  })

  it('should report the longest listed word once rather than its shorter parts', () => {
    expect(kinds('新一代特效药', ['特效', '特效药'])).toEqual(['promotion:特效药'])
  })

  it('should flag nothing in ordinary case text and ignore empty words', () => {
    const text =
      '医共体建立了双向转诊机制，增加微创手术，包好伤口后随访，治愈率提升到 65%，群众满意度明显提高。'
    expect(screenText(text, [...DEFAULT_PROMOTION_WORDS, '', '  '])).toEqual([])
  })

  it('should give the editor an excerpt around the match', () => {
    const [flag] = screenText(
      '我们的宣传材料写着无效退款四个大字，这不合适。',
      ['无效退款'],
      'sections.0.body',
    )
    expect(flag).toEqual({
      kind: 'promotion',
      field: 'sections.0.body',
      excerpt: '我们的宣传材料写着无效退款四个大字，这不合适。',
      match: '无效退款',
    })
    const long = `${'前'.repeat(40)}根治${'后'.repeat(40)}`
    expect(screenText(long, ['根治'])[0]?.excerpt).toBe(
      `…${'前'.repeat(12)}根治${'后'.repeat(12)}…`,
    )
  })
})

describe('screenContent', () => {
  it('should screen title, abstract, sections and captions and name each field', () => {
    const flags = screenContent(
      {
        title: '代购专场',
        abstract: '正常摘要',
        sections: [{ heading: '做法', body: '联系 13912345678' }],
        attachments: [{ caption: `患者${ID18}` }],
      },
      DEFAULT_PROMOTION_WORDS,
    )
    expect(flags.map((f) => `${f.field}:${f.kind}`)).toEqual([
      'title:promotion',
      'sections.0.body:phone',
      'attachments.0.caption:id-number',
    ])
  })
})

describe('a text full of flags', () => {
  it('should keep at most 20 flags of each kind, however many a text holds', () => {
    const flags = screenText('电话13800138000，特效药；'.repeat(50_000), ['特效药'])
    expect(flags.filter((f) => f.kind === 'phone')).toHaveLength(MAX_FLAGS_PER_KIND)
    expect(flags.filter((f) => f.kind === 'promotion')).toHaveLength(MAX_FLAGS_PER_KIND)
    expect(MAX_FLAGS_PER_KIND).toBe(20)
  })
})
