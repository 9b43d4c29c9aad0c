import { describe, expect, inject, it } from 'vitest'

/**
 * A multipart body Payload's parser cannot read — a NUL in a file name makes
 * a malformed part header — over real HTTP to the built CMS: a 400 saying
 * so, where Payload answered 500.
 */
const cmsUrl = inject('cmsUrl')

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return ((await res.json()) as { token: string }).token
}

describe('unreadable request bodies', () => {
  it('should answer an upload whose file name holds a NUL with 400 and a Chinese message', async () => {
    const token = await signIn('editor@example.org', 'exemplar-editor')
    const boundary = 'exemplar-boundary'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"x"}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png\u0000.html"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      Buffer.from('not really a png'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const res = await fetch(`${cmsUrl}/api/media`, {
      method: 'POST',
      headers: {
        authorization: `JWT ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('无法解析')
  })
})
