import http from 'node:http'

import { describe, expect, inject, it } from 'vitest'

/**
 * Request body caps in cms/server.ts, over real HTTP against the built CMS
 * of the demo stack: an oversized body is refused on its declared length
 * before Payload parses a byte, a body without a length is refused, and an
 * ordinary registration still goes through (directly and through the site's
 * /api proxy).
 */
const stack = { cmsUrl: inject('cmsUrl'), siteUrl: inject('siteUrl') }

interface ErrorBody {
  errors: { code: string; message: string }[]
}

function registration(email: string, padding = '') {
  return {
    kind: 'author',
    account: { email, password: 'body-limit-secret', name: `作者${padding}`, phone: '13800138000' },
    agreement: true,
    author: {
      name: '限额测试作者',
      mobile: '13800138000',
      address: '测试路 1 号',
      postcode: '100000',
      informationSource: '测试',
    },
  }
}

/** Sends the headers and only the first bytes of a body announced as `length`, and reads the answer. */
function announce(
  url: string,
  headers: Record<string, string>,
  length: number,
): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(length) },
    })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started })
        req.destroy()
      })
    })
    req.on('error', reject)
    req.write(Buffer.alloc(64 * 1024, 0x61))
  })
}

describe('request body caps on the CMS', () => {
  it('should refuse a 2 MB JSON registration with 413 and the limit, quickly', async () => {
    const body = JSON.stringify(registration('too-big@example.org', 'x'.repeat(2 * 1024 * 1024)))
    const started = Date.now()
    const res = await fetch(`${stack.cmsUrl}/api/participants/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    const ms = Date.now() - started
    expect(res.status).toBe(413)
    const { errors } = (await res.json()) as ErrorBody
    expect(errors[0]?.code).toBe('body.tooLarge')
    expect(errors[0]?.message).toContain('1 MB')
    expect(ms).toBeLessThan(2_000)
  })

  it('should refuse a 2 MB JSON body through the site’s /api proxy as well', async () => {
    const res = await fetch(`${stack.siteUrl}/api/participants/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration('proxied@example.org', 'x'.repeat(2 * 1024 * 1024))),
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as ErrorBody).errors[0]?.code).toBe('body.tooLarge')
  })

  it('should answer 413 on the declared length alone, without waiting for the body', async () => {
    const res = await announce(
      `${stack.cmsUrl}/api/graphql`,
      { 'content-type': 'application/json' },
      512 * 1024 * 1024,
    )
    expect(res.status).toBe(413)
    expect(res.ms).toBeLessThan(2_000)
  })

  it('should refuse an admin server action over its own cap', async () => {
    const res = await announce(
      `${stack.cmsUrl}/admin/collections/campaigns`,
      { 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'x' },
      8 * 1024 * 1024,
    )
    expect(res.status).toBe(413)
    const { errors } = JSON.parse(res.body) as ErrorBody
    expect(errors[0]?.message).toContain('4 MB')
  })

  it('should refuse a multipart body over the upload cap', async () => {
    const res = await announce(
      `${stack.cmsUrl}/api/media`,
      { 'content-type': 'multipart/form-data; boundary=x' },
      64 * 1024 * 1024,
    )
    expect(res.status).toBe(413)
    const { errors } = JSON.parse(res.body) as ErrorBody
    expect(errors[0]?.message).toContain('30 MB')
  })

  it('should refuse a chunked body without a length', async () => {
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}",`)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length
        if (sent > 4 * 1024 * 1024) {
          controller.close()
        } else {
          controller.enqueue(chunk)
        }
      },
    })
    const res = await fetch(`${stack.cmsUrl}/api/participants/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(411)
    const { errors } = (await res.json()) as ErrorBody
    expect(errors[0]?.code).toBe('body.lengthRequired')
    expect(errors[0]?.message).toContain('Content-Length')
  })

  it('should still register an author with an ordinary body', async () => {
    const email = `body-limit-${Date.now()}@example.org`
    const res = await fetch(`${stack.cmsUrl}/api/participants/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration(email)),
    })
    expect(res.status).toBe(202)
    const answer = (await res.json()) as { status: string; email: string }
    expect(answer).toMatchObject({ status: 'check-email', email })
  })
})
