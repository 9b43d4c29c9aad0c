import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { bodyOf, getJson, NetworkError, postJson, problemsIn, requestJson } from './http'

interface Answer {
  status: number
  body: string
  headers?: Record<string, string>
}

/** A real server on a free port: answers with `answer`, records what it was sent. */
let server: Server
let origin = ''
let answer: Answer
let received: { method?: string; headers: IncomingHttpHeaders; body: string } | undefined

const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
})

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received = { method: req.method, headers: req.headers, body }
      res.writeHead(answer.status, answer.headers)
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

beforeEach(() => {
  received = undefined
  answer = json(200, {})
})

describe('requestJson', () => {
  it('should send JSON and return the status and body of a 2xx', async () => {
    answer = json(202, { sent: true })
    await expect(postJson(`${origin}/api/voting/code`, { address: 'a@b.cn' })).resolves.toEqual({
      ok: true,
      status: 202,
      data: { sent: true },
      errors: [],
    })
    expect(received).toMatchObject({ method: 'POST', body: '{"address":"a@b.cn"}' })
    expect(received?.headers['content-type']).toBe('application/json')
    expect(received?.headers.accept).toBe('application/json')
  })

  it('should send a GET or a bodiless POST without a body or its type', async () => {
    await getJson(`${origin}/api/users/me`)
    expect(received).toMatchObject({ method: 'GET', body: '' })
    expect(received?.headers['content-type']).toBeUndefined()
    await requestJson('POST', `${origin}/api/submissions/entries/1/withdraw`)
    expect(received).toMatchObject({ method: 'POST', body: '' })
    expect(received?.headers['content-type']).toBeUndefined()
  })

  it('should return a refusal in the server’s error shape, with its retryAfter', async () => {
    const errors = [{ code: 'rate_limited', message: '投票过于频繁，请稍后再试。' }]
    answer = json(429, { errors, retryAfter: 30 })
    await expect(postJson(`${origin}/api/voting/votes`, {})).resolves.toEqual({
      ok: false,
      status: 429,
      data: undefined,
      errors,
      retryAfter: 30,
    })
  })

  it('should take retryAfter from the Retry-After header when the body does not say', async () => {
    answer = json(503, { errors: [{ code: 'busy', message: '稍后再试' }] }, { 'retry-after': '12' })
    await expect(getJson(`${origin}/x`)).resolves.toMatchObject({ ok: false, retryAfter: 12 })
    answer = json(400, { errors: [{ code: 'bad', message: '不对' }] }, { 'retry-after': 'soon' })
    expect(await getJson(`${origin}/x`)).not.toHaveProperty('retryAfter')
  })

  it('should answer a refusal whose body is not JSON with no problems', async () => {
    answer = { status: 502, body: '<html>bad gateway</html>' }
    await expect(postJson(`${origin}/x`, {})).resolves.toEqual({
      ok: false,
      status: 502,
      data: undefined,
      errors: [],
    })
  })

  it('should give a 2xx without JSON as no data', async () => {
    answer = { status: 204, body: '' }
    await expect(postJson(`${origin}/api/users/logout`, {})).resolves.toEqual({
      ok: true,
      status: 204,
      data: undefined,
      errors: [],
    })
  })

  it('should reject with the Chinese network message when no answer comes', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = await getJson(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toBe('网络异常，请稍后重试。')
  })

  it('should hand (status, body) readers the data of a 2xx and the refusal otherwise', async () => {
    answer = json(200, { counted: true })
    expect(bodyOf(await postJson(`${origin}/v`, {}))).toEqual({ counted: true })
    answer = json(401, { errors: [{ code: 'voter_required', message: '请先验证' }] })
    expect(bodyOf(await postJson(`${origin}/v`, {}))).toMatchObject({
      errors: [{ code: 'voter_required', message: '请先验证' }],
    })
  })
})

describe('problemsIn', () => {
  it('should keep our problems as they are, field and limit included', () => {
    const errors = [
      { field: 'organization', code: 'limit', message: '每家机构最多 20 名医生', limit: 20 },
      { code: 'entry.locked', message: '作品已提交' },
    ]
    expect(problemsIn({ errors, retryAfter: 3 })).toEqual(errors)
  })

  it('should read Payload’s errors as problems: its name as the code, nested paths as fields', () => {
    expect(problemsIn({ errors: [{ name: 'Forbidden', message: '无权操作' }] })).toEqual([
      { code: 'Forbidden', message: '无权操作' },
    ])
    expect(problemsIn({ errors: [{ message: '内容服务暂时不可用' }] })).toEqual([
      { code: 'error', message: '内容服务暂时不可用' },
    ])
    expect(
      problemsIn({
        errors: [
          {
            name: 'ValidationError',
            message: 'The following field is invalid: mimeType',
            data: { errors: [{ path: 'mimeType', message: '文件类型不允许' }] },
          },
        ],
      }),
    ).toEqual([{ field: 'mimeType', code: 'invalid', message: '文件类型不允许' }])
    expect(problemsIn({ errors: [{ path: 'title', message: '必填' }] })).toEqual([
      { field: 'title', code: 'error', message: '必填' },
    ])
  })

  it('should give nothing for bodies that are not errors', () => {
    expect(problemsIn(undefined)).toEqual([])
    expect(problemsIn('oops')).toEqual([])
    expect(problemsIn({ errors: 'no' })).toEqual([])
    expect(problemsIn({ errors: [null, { message: '' }, 3, { code: 'x' }] })).toEqual([])
  })
})
