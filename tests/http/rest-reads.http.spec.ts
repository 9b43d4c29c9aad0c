import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, inject, it } from 'vitest'

import { signIn } from '../helpers/seededStack'

/**
 * REST reads answered by Payload's own dispatcher on the CMS's bare server
 * (cms/src/restReads.ts), not by Next: who is asking still counts (token
 * and cookie), access still holds, uploaded files stream whole, and the
 * routes Next alone serves still reach it.
 */
const cmsUrl = inject('cmsUrl')
const dataDir = inject('dataDir')

const fromNext = (res: Response) => (res.headers.get('vary') ?? '').includes('rsc')

describe('REST reads off Next', () => {
  it('should answer who is asking, by token and by cookie, as Payload does', async () => {
    const anonymous = await fetch(`${cmsUrl}/api/users/me`)
    expect(anonymous.status).toBe(200)
    expect(fromNext(anonymous)).toBe(false)
    expect(((await anonymous.json()) as { user: unknown }).user).toBeNull()
    const token = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
    const cookie = `payload-token=${token}`
    const asked = async (headers: Record<string, string>) =>
      (
        (await (await fetch(`${cmsUrl}/api/users/me`, { headers })).json()) as {
          user: { role?: string } | null
        }
      ).user
    expect((await asked({ authorization: `JWT ${token}` }))?.role).toBe('editor')
    expect((await asked({ cookie, 'sec-fetch-site': 'same-origin' }))?.role).toBe('editor')
    // The cookie from another site's page is not the editor asking (CSRF origins hold).
    expect(await asked({ cookie, origin: 'https://elsewhere.example' })).toBeNull()
    expect(await asked({ cookie, 'sec-fetch-site': 'cross-site' })).toBeNull()
  })

  it('should keep access: the public reads no drafts and no users, an editor reads both', async () => {
    const drafts = `${cmsUrl}/api/entries?where[status][equals]=draft&limit=1&depth=0`
    const publicDrafts = (await (await fetch(drafts)).json()) as { totalDocs: number }
    expect(publicDrafts.totalDocs).toBe(0)
    expect((await fetch(`${cmsUrl}/api/users?limit=1`)).status).toBe(403)
    const token = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
    const headers = { authorization: `JWT ${token}` }
    const editorDrafts = (await (await fetch(drafts, { headers })).json()) as { totalDocs: number }
    expect(editorDrafts.totalDocs).toBeGreaterThan(0)
    expect((await fetch(`${cmsUrl}/api/users?limit=1`, { headers })).status).toBe(200)
  })

  it('should stream an uploaded file byte for byte', async () => {
    const { docs } = (await (
      await fetch(`${cmsUrl}/api/media?limit=1&depth=0&where[mimeType][like]=image`)
    ).json()) as { docs: { url: string; filename: string }[] }
    const file = docs[0]!
    const res = await fetch(new URL(file.url, cmsUrl))
    expect(res.status).toBe(200)
    expect(fromNext(res)).toBe(false)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.equals(fs.readFileSync(path.join(dataDir, 'media', file.filename)))).toBe(true)
  })

  it('should leave GraphQL and writes to Next', async () => {
    const graphql = await fetch(`${cmsUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{__typename}' }),
    })
    expect(graphql.status).toBe(200)
    expect(((await graphql.json()) as { data?: { __typename?: string } }).data?.__typename).toBe(
      'Query',
    )
  })
})
