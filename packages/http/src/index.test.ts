import { describe, expect, it } from 'vitest'

import { errorBody, firstMessage, problem, problemsOf, readJsonObject } from './index'

describe('the one error body', () => {
  it('should wrap one problem in a list and keep extra keys beside it', () => {
    expect(errorBody(problem('rate_limited', '请稍后再试。'), { retryAfter: 30 })).toEqual({
      retryAfter: 30,
      errors: [{ code: 'rate_limited', message: '请稍后再试。' }],
    })
  })

  it('should name the field when there is one', () => {
    expect(problem('tooLong', '标题不超过 100 字', 'title')).toEqual({
      field: 'title',
      code: 'tooLong',
      message: '标题不超过 100 字',
    })
  })

  it('should read the first message of a body, and nothing from other shapes', () => {
    expect(
      firstMessage({
        errors: [
          { code: 'a', message: ' 第一条 ' },
          { code: 'b', message: '第二条' },
        ],
      }),
    ).toBe('第一条')
    expect(firstMessage({ error: '旧格式', code: 'x' })).toBeUndefined()
    expect(problemsOf({ errors: [{ message: 'no code' }] })).toEqual([])
  })
})

describe('readJsonObject', () => {
  it('should read an object, and name a non-JSON or non-object body', async () => {
    expect(await readJsonObject({ json: async () => ({ a: 1 }) })).toEqual({
      ok: true,
      value: { a: 1 },
    })
    expect(await readJsonObject({ json: async () => JSON.parse('{') })).toMatchObject({
      ok: false,
      problem: { code: 'body.invalid' },
    })
    expect(await readJsonObject({ json: async () => [1] })).toMatchObject({
      ok: false,
      problem: { code: 'body.notObject' },
    })
  })

  it('should read a missing body as the caller says, and pass the caller’s own errors through', async () => {
    expect(await readJsonObject({})).toEqual({ ok: true, value: {} })
    expect(await readJsonObject({}, { absent: undefined })).toMatchObject({ ok: false })
    const capped = new RangeError('too large')
    await expect(
      readJsonObject(
        { json: async () => Promise.reject(capped) },
        { rethrow: (e) => e === capped },
      ),
    ).rejects.toBe(capped)
  })
})
