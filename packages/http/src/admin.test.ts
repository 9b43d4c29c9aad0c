import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminJson } from './admin'

let server: Server
let origin: string

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/refuse') {
        res.statusCode = 409
        res.end(JSON.stringify({ errors: [{ code: 'decided', message: '该异议已处理' }] }))
      } else if (req.url === '/broken') {
        res.statusCode = 502
        res.end('<html>bad gateway</html>')
      } else {
        res.end(JSON.stringify({ method: req.method, type: req.headers['content-type'], body }))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('the admin panels’ JSON calls', () => {
  it('should GET without a body and POST JSON with one', async () => {
    expect(await adminJson(`${origin}/x`)).toEqual({ method: 'GET', body: '' })
    expect(await adminJson(`${origin}/x`, { a: 1 })).toEqual({
      method: 'POST',
      type: 'application/json',
      body: '{"a":1}',
    })
  })

  it('should throw the server’s first message, or the status when the body is not ours', async () => {
    await expect(adminJson(`${origin}/refuse`, {})).rejects.toThrow('该异议已处理')
    await expect(adminJson(`${origin}/broken`)).rejects.toThrow('请求失败（HTTP 502）')
  })
})
