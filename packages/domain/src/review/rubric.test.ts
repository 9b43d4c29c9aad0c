import { describe, expect, it } from 'vitest'

import { DEFAULT_CASE_RUBRIC, type RubricCriterion, validateRubric, weightedTotal } from './rubric'

const criterion = (key: string, weight: number, scaleMax: number): RubricCriterion => ({
  key,
  label: key.toUpperCase(),
  weight,
  scaleMax,
  description: '',
})

describe('the default case rubric (seed 004)', () => {
  it('should be valid, with 真实性 创新性 实效性 典型性 变革性 in order', () => {
    expect(validateRubric(DEFAULT_CASE_RUBRIC)).toEqual([])
    expect(DEFAULT_CASE_RUBRIC.map((c) => c.label)).toEqual([
      '真实性',
      '创新性',
      '实效性',
      '典型性',
      '变革性',
    ])
  })

  it('should total 8 7 9 6 10 out of 10 at equal weights as 80', () => {
    const scores = Object.fromEntries(
      DEFAULT_CASE_RUBRIC.map((c, i) => [c.key, [8, 7, 9, 6, 10][i]]),
    )
    expect(weightedTotal(DEFAULT_CASE_RUBRIC, scores)).toEqual({ ok: true, total: 80 })
  })
})

describe('weightedTotal', () => {
  const mixed = [criterion('a', 30, 10), criterion('b', 70, 5)]

  it('should put each criterion on 0–100 before weighting: 30·70 + 70·60 = 63', () => {
    expect(weightedTotal(mixed, { a: 7, b: 3 })).toEqual({ ok: true, total: 63 })
    expect(weightedTotal(mixed, { a: 0, b: 0 })).toEqual({ ok: true, total: 0 })
    expect(weightedTotal(mixed, { a: 10, b: 5 })).toEqual({ ok: true, total: 100 })
  })

  it('should round to 0.01: 1/3 of 100 is 33.33', () => {
    expect(weightedTotal([criterion('a', 100, 3)], { a: 1 })).toEqual({ ok: true, total: 33.33 })
  })

  it('should refuse a missing or out-of-range score, naming the criterion', () => {
    expect(weightedTotal(mixed, { a: 7 })).toEqual({
      ok: false,
      criterion: 'b',
      message: '请为“B”打分',
    })
    expect(weightedTotal(mixed, { a: 11, b: 3 })).toEqual({
      ok: false,
      criterion: 'a',
      message: '“A”的得分须在 0 到 10 之间，现为 11',
    })
    expect(weightedTotal(mixed, { a: -1, b: 3 })).toMatchObject({ ok: false, criterion: 'a' })
    expect(weightedTotal(mixed, { a: Number.NaN, b: 3 })).toMatchObject({
      ok: false,
      criterion: 'a',
    })
  })
})

describe('validateRubric', () => {
  it('should name every problem in Chinese', () => {
    expect(
      validateRubric([criterion('a', 50, 10), criterion('a', 0, 0), criterion('c', 2.5, 5)]),
    ).toEqual([
      '评分标准标识“a”重复',
      '评分标准“A”的权重须为正整数，现为 0',
      '评分标准“A”的满分须不小于 1，现为 0',
      '评分标准“C”的权重须为正整数，现为 2.5',
      '各项权重之和须为 100，现为 52.5',
    ])
    expect(validateRubric([])).toEqual(['评分细则至少需要一项评分标准'])
  })
})
