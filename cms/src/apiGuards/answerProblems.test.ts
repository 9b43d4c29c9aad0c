import { APIError } from 'payload'
import { describe, expect, it } from 'vitest'

import { answerProblems } from './answerProblems'

const run = (error: Error) =>
  answerProblems({
    error,
    result: { errors: [{ message: error.message }] },
  } as never)

describe('answerProblems', () => {
  it('should answer a refusal with the house error body it carries', () => {
    const problem = { field: 'organization', code: 'blindField', message: '不能按此筛选' }
    const error = new APIError(problem.message, 403, { errors: [problem] }, true)
    expect(run(error)).toEqual({ response: { errors: [problem] } })
  })

  it('should leave any other error as Payload formats it', () => {
    expect(run(new Error('boom'))).toBeUndefined()
    const validation = new APIError('x', 400, { errors: [{ path: 'title', message: 'x' }] }, true)
    expect(run(validation)).toBeUndefined()
  })
})
