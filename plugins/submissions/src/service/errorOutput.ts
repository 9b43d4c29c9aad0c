import type { PayloadRequest } from 'payload'

import { SubmissionError } from '../lib/errors'
import type { RuleProblem } from '../rules'
import type { SubmissionsOutput } from './types'

/** Maps a refusal (ours or Payload's) to the contract's body. */
export function errorOutput(
  err: unknown,
  req?: Pick<PayloadRequest, 'payload'>,
): SubmissionsOutput {
  if (err instanceof SubmissionError) {
    return { status: err.status, body: { errors: err.errors } }
  }
  const e = err as {
    status?: number
    data?: { errors?: RuleProblem[] }
    message?: string
    name?: string
  }
  if (e?.data?.errors && e.status) {
    return { status: e.status, body: { errors: e.data.errors } }
  }
  if (e?.status === 403 || e?.name === 'Forbidden') {
    return {
      status: 403,
      body: { errors: [{ field: '', code: 'forbidden', message: '没有权限执行此操作' }] },
    }
  }
  req?.payload.logger.error({ err }, '[submissions] request failed')
  return {
    status: 500,
    body: { errors: [{ field: '', code: 'server', message: '服务器处理失败，请稍后重试' }] },
  }
}
