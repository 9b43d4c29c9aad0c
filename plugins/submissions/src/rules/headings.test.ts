import { describe, expect, it } from 'vitest'

import { headingCore, headingLabel, headingMatches, missingSections } from './headings'

describe('headingMatches', () => {
  it('should ignore Chinese, bracketed and decimal numbering', () => {
    expect(headingMatches('一、工作目标', '工作目标')).toBe(true)
    expect(headingMatches('（二）主要举措', '主要举措')).toBe(true)
    expect(headingMatches('(3) 推广情况：', '推广情况')).toBe(true)
    expect(headingMatches('1.2 做法', '做法')).toBe(true)
    expect(headingMatches('第三部分 成效', '成效')).toBe(true)
    expect(headingMatches('① 背景', '背景')).toBe(true)
  })

  it('should ignore bracketed explanations on either side and full-width differences', () => {
    expect(headingMatches('三、成效', '成效（数据对比）')).toBe(true)
    expect(headingMatches('成效(数据对比)', '成效（数据对比）')).toBe(true)
    expect(headingMatches('四、探讨【问题与思考】', '探讨（问题与思考）')).toBe(true)
    expect(headingMatches('ＡＢＣ 方案', 'abc方案')).toBe(true)
  })

  it('should accept a heading that contains the required word and refuse an unrelated one', () => {
    expect(headingMatches('项目背景', '背景')).toBe(true)
    expect(headingMatches('主要做法与经验', '做法')).toBe(true)
    expect(headingMatches('工作成果', '推广情况')).toBe(false)
    expect(headingMatches('附件', '附录')).toBe(false)
  })

  it('should keep digits that belong to the heading itself', () => {
    expect(headingCore('2021年工作目标')).toBe('2021年工作目标')
  })
})

describe('missingSections', () => {
  it('should list the required sections no heading satisfies, in the required order', () => {
    const required = ['背景', '做法', '成效（数据对比）', '探讨（问题与思考）', '附录']
    expect(missingSections(['一、背景', '二、做法', '四、探讨'], required)).toEqual([
      '成效（数据对比）',
      '附录',
    ])
    expect(missingSections(['背景', '做法', '成效', '探讨', '附录'], required)).toEqual([])
  })

  it('should name a required section as the notice wrote it, without its numbering', () => {
    expect(headingLabel('（3）成效（数据对比）')).toBe('成效（数据对比）')
    expect(headingLabel('推广情况')).toBe('推广情况')
  })
})

describe('hostile headings', () => {
  const n = 100_000

  it('should give the right core for 100 000 brackets, numberings or digits, in one pass', () => {
    expect(headingCore('('.repeat(n))).toBe('('.repeat(n))
    expect(headingCore('一、'.repeat(n))).toBe('')
    expect(headingCore(`${'（'.repeat(n)}）背景`)).toBe('背景')
    expect(headingCore(`${'1.'.repeat(n)}做法`)).toBe('做法')
    expect(headingMatches(`${'一、'.repeat(n)}项目背景`, '背景')).toBe(true)
    expect(headingMatches('('.repeat(n), '背景')).toBe(false)
  })

  it('should name a required heading under 100 000 numberings by its words', () => {
    expect(headingLabel(`${'一 '.repeat(n)}背景`)).toBe('背景')
    expect(missingSections(['('.repeat(n), '一、'.repeat(n)], ['背景'])).toEqual(['背景'])
  })
})
