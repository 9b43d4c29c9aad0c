import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refuseMalformedPath } from './malformedPath'

let server: http.Server
let base = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!refuseMalformedPath(req, res)) {
      res.end('passed')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(() => server.close())

describe('refuseMalformedPath', () => {
  it.each(['/api/entries/%C0%AE', '/api/entries/%80', '/x/%ED%A0%80'])(
    'should answer %s with 400 and a Chinese message',
    async (path) => {
      const res = await fetch(`${base}${path}`)
      expect(res.status).toBe(400)
      expect(
        ((await res.json()) as { errors: { message: string }[] }).errors[0]!.message,
      ).toContain('UTF-8')
    },
  )

  it('should let a well-formed Chinese path through', async () => {
    const res = await fetch(`${base}/campaigns/%E5%81%A5%E5%BA%B7?q=%C0`)
    expect(await res.text()).toBe('passed')
  })
})
