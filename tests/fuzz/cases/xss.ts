import { uploadForm, type Fixtures } from '../fixtures'
import { jsonOf, type Answer } from '../http'
import type { CaseRun, FuzzCase } from '../types'
import { withoutAttributeValues, xssMarkup, xssPayloads } from '../values'

/**
 * Stored XSS: a participant writes a payload into every text field the site
 * shows, an editor puts the entry on display (and verifies the institution),
 * then the public pages that show it are read and must carry the payload
 * only escaped. One case per (payload, field, page).
 */

const ENTRY_FIELDS = [
  'title',
  'abstract',
  'heading',
  'body',
  'caption',
  'authorName',
  'authorTitle',
  'affiliation',
  'city',
  'alt',
  'organization',
] as const
type Field = (typeof ENTRY_FIELDS)[number]

/** The payload for one field: tagged so a page that shows it can be told from one that does not. */
const payloadFor = (payload: (tag: string) => string, field: Field, k: number) =>
  payload(`fx${k}${field}`)

interface Shown {
  id?: string
  number?: string
  failed?: string
}

/** A payload where it fits the field's limit (所在城市 and headings: 50), else a short one. */
const fit = (payload: string, max: number) => (payload.length <= max ? payload : '<b>x</b>')

async function writeAll(f: Fixtures, run: CaseRun, k: number, text: (field: Field) => string) {
  const who = f.people.institution
  const org = who.organization
  const name = text('organization')
  const steps: Answer[] = []
  steps.push(
    await run.send({
      method: 'PATCH',
      path: `/api/organizations/${org}`,
      // 所在城市 holds at most 50 characters: a longer payload goes into the name only.
      json: { name, licenceName: name, city: fit(text('city'), 50) },
      as: who,
    }),
  )
  steps.push(
    await run.send({
      method: 'PATCH',
      path: `/api/organizations/${org}`,
      json: { verification: 'verified' },
      as: f.editor,
    }),
  )
  const png = (await import('../fixtures')).smallPngBytes
  const upload = await run.send({
    method: 'POST',
    path: '/api/submissions/uploads',
    form: await uploadForm(
      await png(),
      `xss${k}.png`,
      { campaign: String(f.campaign.id), track: 'case' },
      'image/png',
    ),
    as: who,
  })
  steps.push(upload)
  const media = jsonOf(upload)?.file?.id
  steps.push(
    await run.send({
      method: 'PATCH',
      path: `/api/media/${media}`,
      json: { alt: text('alt') },
      as: who,
    }),
  )
  const draft = await run.send({
    method: 'POST',
    path: '/api/submissions/drafts',
    json: {
      campaign: f.campaign.id,
      track: 'case',
      title: text('title').slice(0, 100),
      abstract: text('abstract'),
      sections: [{ heading: fit(text('heading'), 50), body: text('body') }],
      attachments: [{ file: media, caption: text('caption') }],
      authors: [
        { name: text('authorName'), title: text('authorTitle'), affiliation: text('affiliation') },
      ],
      city: fit(text('city'), 50),
      declarations: { original: true, truthful: true, freeUse: true },
      channel: 'self',
    },
    as: who,
  })
  steps.push(draft)
  const id = jsonOf(draft)?.entry?.id
  // On display the way an entry gets there: submitted by its author, screened and accepted by an editor.
  steps.push(
    await run.send({ method: 'POST', path: `/api/submissions/entries/${id}/submit`, as: who }),
  )
  let shown = steps.at(-1)!
  for (const action of ['startScreening', 'accept']) {
    shown = await run.send({
      method: 'POST',
      path: `/api/workflow/entries/${id}/transitions`,
      json: { action },
      as: f.editor,
    })
    steps.push(shown)
  }
  const failed = steps.find((s) => s.status >= 300)
  return {
    id: id === undefined ? undefined : String(id),
    number: jsonOf(shown)?.entry?.number as string | undefined,
    failed: failed ? `${failed.method} ${failed.url} → ${failed.status}` : undefined,
  }
}

export function xssCases(f: Fixtures): FuzzCase[] {
  const cases: FuzzCase[] = []
  xssPayloads('TAG').forEach((_, k) => {
    const payload = (tag: string) => xssPayloads(tag)[k]!
    const text = (field: Field) => payloadFor(payload, field, k)
    const shown: Shown = {}
    cases.push({
      name: `stored XSS #${k}: write the payload into every field, then display the entry`,
      category: 'stored-xss',
      expect: 'accept',
      // Judged on the anonymous read of the entry: on display, so readable by anyone.
      request: async (run) => {
        Object.assign(shown, await writeAll(f, run, k, text))
        const id = shown.failed ? `setup-failed:${shown.failed}` : shown.id
        return { path: `/api/entries/${encodeURIComponent(id ?? 'none')}?depth=0` }
      },
    })
    const pages = [
      ['entry page', () => `/entries/${encodeURIComponent(shown.number ?? 'none')}`],
      ['entry page (English)', () => `/en/entries/${encodeURIComponent(shown.number ?? 'none')}`],
      ['campaign entries', () => `/campaigns/${f.campaign.slug}/entries`],
      ['campaign page', () => `/campaigns/${f.campaign.slug}`],
      [
        'leaderboard by institution',
        () => `/campaigns/${f.campaign.slug}/leaderboard?by=organization`,
      ],
    ] as const
    for (const [page, path] of pages) {
      cases.push({
        name: `stored XSS #${k}, read on the ${page}`,
        category: 'stored-xss',
        // The page must render (so the check is not vacuous) and carry the payload only escaped.
        expect: 'accept',
        request: () => ({ path: path(), to: 'site' }),
        check: (answer) => {
          const html = withoutAttributeValues(answer.text)
          const raw = ENTRY_FIELDS.filter((field) => html.includes(xssMarkup(text(field))))
          return raw.length > 0
            ? `the page carries the payload unescaped in ${raw.join(', ')}: ${xssMarkup(text(raw[0]!))}`
            : undefined
        },
      })
    }
  })
  return cases
}
