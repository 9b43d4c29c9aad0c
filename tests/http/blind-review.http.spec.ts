import { beforeAll, describe, expect, inject, it } from 'vitest'

import type { Json } from '../helpers/api'
import { currentSlug, signIn } from '../helpers/seededStack'

/**
 * Blind review over real HTTP, on the seeded stack: the current edition of
 * seed 004 is in blind expert review. As its demo reviewer, every way in —
 * REST lists and documents at every depth, GraphQL, versions, uploads, the
 * review plugin's own routes and files, and the public site — answers with
 * none of the assigned entries' author names, institutions, submitters or
 * original file names. The same reads as an editor do contain them, so the
 * secrets are real.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const SLUG = currentSlug('yigongti')

interface Answer {
  route: string
  status: number
  text: string
  headers: Headers
}

let editor: string
let reviewer: string
let reviewerId: number
let assigned: Json[]
let secrets: string[]
let tasks: Json[]
let campaignId: number

async function get(token: string, route: string): Promise<Answer> {
  const res = await fetch(`${cmsUrl}${route}`, { headers: { authorization: `JWT ${token}` } })
  return { route, status: res.status, text: await res.text(), headers: res.headers }
}

async function graphql(token: string, query: string): Promise<Answer> {
  const res = await fetch(`${cmsUrl}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  return {
    route: `graphql ${query.slice(0, 60)}`,
    status: res.status,
    text: await res.text(),
    headers: res.headers,
  }
}

const json = (answer: Answer): Json => JSON.parse(answer.text) as Json

/** Every secret that shows up in an answer, with the route it came from. */
function leaks(answers: Answer[]): string[] {
  const out: string[] = []
  for (const answer of answers) {
    const text = `${answer.text}\n${[...answer.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')}`
    for (const secret of secrets) {
      if (text.includes(secret)) {
        out.push(`${answer.route}: ${secret}`)
      }
    }
  }
  return out
}

const ENTRY_FIELDS = `id number title abstract track status
  authors { name title affiliation }
  organization { id name province }
  province city channel recommendingUnit informationSource
  submittedBy { id email name }
  attachments { caption file { id filename url alt } }
  reviewers { id name }
  reviewScore { average reviews }
  history { to by { id name } }`

beforeAll(async () => {
  editor = await signIn(cmsUrl, 'editor@example.org', 'exemplar-editor')
  reviewer = await signIn(cmsUrl, 'reviewer@example.org', 'exemplar-reviewer')
  reviewerId = json(await get(reviewer, '/api/users/me')).user.id as number
  const campaign = json(
    await get(editor, `/api/campaigns?where[slug][equals]=${SLUG}&depth=0&limit=1`),
  ).docs[0] as Json
  expect(campaign?.review?.blind).toBe('blind')
  campaignId = campaign.id as number
  assigned = json(
    await get(
      editor,
      `/api/entries?where[campaign][equals]=${campaign.id}&where[reviewers][contains]=${reviewerId}&depth=1&limit=100`,
    ),
  ).docs as Json[]
  expect(assigned.length).toBeGreaterThan(3)
  const named = new Set<string>()
  for (const entry of assigned) {
    for (const author of entry.authors ?? []) {
      named.add(author.name)
      if (author.affiliation) {
        named.add(author.affiliation)
      }
    }
    if (entry.organization?.name) {
      named.add(entry.organization.name)
    }
    if (entry.submittedBy) {
      named.add(entry.submittedBy.email)
      named.add(entry.submittedBy.name)
    }
    for (const attachment of entry.attachments ?? []) {
      if (attachment.file?.filename) {
        named.add(attachment.file.filename)
      }
    }
  }
  secrets = [...named].filter((s) => typeof s === 'string' && s.length >= 2)
  // This edition's tasks: the reviewer's archive tasks are other entries, whose texts may name
  // institutions these entries share.
  tasks = (json(await get(reviewer, '/api/review/tasks')).tasks as Json[]).filter(
    (t) => t.campaign?.id === campaignId,
  )
})

describe('blind review, read as the reviewer over HTTP', () => {
  it('should have real secrets: the editor reads every kind of them', () => {
    expect(secrets.some((s) => s.endsWith('.jpg') || s.endsWith('.pdf'))).toBe(true)
    expect(secrets.some((s) => /医院|医共体|中心|集团|卫生/.test(s))).toBe(true)
    expect(secrets.length).toBeGreaterThan(5)
  })

  it('should answer REST, GraphQL, versions, uploads and its own routes without one of them', async () => {
    const ids = assigned.map((e) => e.id as number)
    const answers: Answer[] = []
    const ofCampaign = `where[campaign][equals]=${campaignId}`
    for (const depth of [0, 1, 2]) {
      answers.push(await get(reviewer, `/api/entries?${ofCampaign}&depth=${depth}&limit=200`))
    }
    for (const id of ids) {
      answers.push(await get(reviewer, `/api/entries/${id}?depth=2`))
    }
    answers.push(await get(reviewer, `/api/entries/versions?limit=50&depth=1`))
    answers.push(await get(reviewer, `/api/entries/versions?where[parent][equals]=${ids[0]}`))
    const mediaIds = assigned.flatMap((e) =>
      (e.attachments ?? []).map((a: Json) => a.file?.id).filter(Boolean),
    ) as number[]
    answers.push(await get(reviewer, `/api/media?limit=100`))
    for (const id of mediaIds.slice(0, 6)) {
      answers.push(await get(reviewer, `/api/media/${id}`))
    }
    answers.push(
      await graphql(
        reviewer,
        `{ Entries(where: { campaign: { equals: ${campaignId} } }, limit: 100) { docs { ${ENTRY_FIELDS} } } }`,
      ),
    )
    answers.push(await graphql(reviewer, `{ Entry(id: ${ids[0]}) { ${ENTRY_FIELDS} } }`))
    answers.push(
      await graphql(
        reviewer,
        `
          {
            versionsEntries {
              docs {
                version {
                  title
                  authors {
                    name
                  }
                }
              }
            }
          }
        `,
      ),
    )
    answers.push(
      await graphql(
        reviewer,
        `
          {
            allMedia {
              docs {
                id
                filename
                url
                alt
              }
            }
          }
        `,
      ),
    )
    for (const task of tasks) {
      const one = await get(reviewer, `/api/review/tasks/${task.id}`)
      answers.push(one)
      const attachments = (json(one).entry?.attachments ?? []) as Json[]
      for (const [index] of attachments.entries()) {
        const file = await fetch(`${cmsUrl}/api/review/tasks/${task.id}/files/${index}`, {
          headers: { authorization: `JWT ${reviewer}`, range: 'bytes=0-15' },
        })
        expect(file.status).toBe(206)
        answers.push({
          route: `file ${task.id}/${index}`,
          status: file.status,
          // Bytes, not text: only the headers can carry a name.
          text: '',
          headers: file.headers,
        })
      }
    }
    expect(tasks.length).toBe(ids.length)
    answers.push({
      route: 'tasks',
      status: 200,
      text: JSON.stringify(tasks),
      headers: new Headers(),
    })
    expect(answers.filter((a) => a.route.startsWith('file')).length).toBeGreaterThan(0)
    expect(leaks(answers)).toEqual([])

    // Only assigned entries, and no one's scores or counts.
    const listed = json(answers[0]!).docs as Json[]
    expect(listed.map((d) => d.id).every((id: number) => ids.includes(id))).toBe(true)
    for (const doc of listed) {
      expect(doc).not.toHaveProperty('reviewScore')
      expect(doc).not.toHaveProperty('reviewers')
    }
    expect(answers.find((a) => a.route.startsWith('/api/entries/versions'))!.status).toBe(403)

    // The same reads as the editor carry them: the check above can fail.
    expect(leaks([await get(editor, `/api/entries/${ids[0]}?depth=2`)]).length).toBeGreaterThan(0)
  })

  it('should refuse to filter or sort on what it hides', async () => {
    const answers: string[] = []
    const org = assigned.find((e) => e.organization)!.organization.id as number
    for (const route of [
      `/api/entries?where[organization][equals]=${org}`,
      `/api/entries?where[authors.name][like]=${encodeURIComponent(assigned[0]!.authors[0].name)}`,
      '/api/entries?sort=authors.name',
      '/api/media?where[filename][like]=demo',
    ]) {
      const answer = await get(reviewer, route)
      answers.push(`${route} ${answer.status} ${answer.text.slice(0, 120)}`)
    }
    // The one error body, naming the field, whichever server answered the read.
    expect(
      answers.filter(
        (a) =>
          !/ 403 \{"errors":\[\{"field":"[\w.]+","code":"blindField","message":"[^"]*筛选或排序/.test(
            a,
          ),
      ),
    ).toEqual([])
  })

  it('should withhold them on the public site while the review runs', async () => {
    const answers: Answer[] = []
    for (const entry of assigned.slice(0, 4)) {
      const res = await fetch(`${siteUrl}/entries/${entry.number}`)
      expect(res.status).toBe(200)
      answers.push({
        route: `site ${entry.number}`,
        status: 200,
        text: await res.text(),
        headers: new Headers(),
      })
    }
    // Secrets minus file names: the public page links to the images.
    const names = secrets.filter((s) => !/\.(jpg|pdf)$/.test(s))
    const found = answers.flatMap((a) =>
      names.filter((s) => a.text.includes(s)).map((s) => `${a.route}: ${s}`),
    )
    expect(found).toEqual([])
  })
})
