import { uploadForm, type Fixtures } from '../fixtures'
import { jsonOf, type Answer, type RequestSpec } from '../http'
import { docxBomb, docxManyEntries, ELF, EXE, HTML, pngBomb, SVG } from '../hostileFiles'
import type { CaseRun, FuzzCase } from '../types'

/**
 * Hostile files on both upload routes a participant can reach: the
 * submissions upload (inspected) and Payload's own `POST /api/media`.
 */

interface Route {
  name: string
  request: (f: Fixtures, file: Buffer, name: string, type: string) => Promise<RequestSpec>
  /** The stored document in a success answer. */
  stored: (a: Answer) => { filename?: string; url?: string } | undefined
}

const ROUTES: Route[] = [
  {
    name: 'submissions upload',
    request: async (f, file, name, type) => ({
      method: 'POST',
      path: '/api/submissions/uploads',
      form: await uploadForm(file, name, { campaign: String(f.campaign.id), track: 'case' }, type),
      as: f.people.fresh,
    }),
    stored: (a) => jsonOf(a)?.file,
  },
  {
    name: 'REST media',
    request: async (f, file, name, type) => {
      const form = await uploadForm(file, name, {}, type)
      form.set('_payload', JSON.stringify({ alt: 'fuzz' }))
      return { method: 'POST', path: '/api/media', form, as: f.people.fresh }
    },
    stored: (a) => jsonOf(a)?.doc,
  },
]

/** Why a stored file name is unsafe, or undefined. */
export function unsafeName(name: string | undefined): string | undefined {
  if (name === undefined) {
    return undefined
  }
  if (/[/\\\0]/.test(name)) {
    return `stored as ${JSON.stringify(name)} (a path separator or NUL)`
  }
  if (name.startsWith('.')) {
    return `stored as ${JSON.stringify(name)} (a hidden file)`
  }
  const control = [...name].some((ch) => ch.charCodeAt(0) < 0x20)
  if (control || /[\u202A-\u202E\u2066-\u2069<>:"|?*]/.test(name)) {
    return `stored as ${JSON.stringify(name)} (control, bidi or reserved characters)`
  }
  return Buffer.byteLength(name) > 210
    ? `stored name of ${Buffer.byteLength(name)} bytes`
    : undefined
}

/** A stored copy of a polyglot must be the image alone, served as an image. */
async function servedClean(
  f: Fixtures,
  route: Route,
  answer: Answer,
  run: CaseRun,
): Promise<string | undefined> {
  const url = route.stored(answer)?.url
  if (!url) {
    return undefined
  }
  // Read as its uploader: a participant's upload is private until its entry is on display.
  const served = await run.send({ path: url, as: f.people.fresh })
  const type = served.headers.get('content-type') ?? ''
  if (/<script|<html/i.test(served.text)) {
    return `${url} serves the HTML part (content-type ${type})`
  }
  return type && !type.startsWith('image/') ? `${url} is served as ${type}` : undefined
}

const TRAVERSAL_NAMES = [
  '../../../../etc/passwd.png',
  '..\\..\\..\\windows\\win.ini.png',
  '/etc/hosts.png',
  '....//....//escape.png',
  '%2e%2e%2f%2e%2e%2fescape.png',
  'photo.png\u0000.html',
  'CON.png',
  '.htaccess.png',
  '\u202Egnp.exe.png',
  'a/../../b.png',
  `${'é'.repeat(150)}.png`,
  '<script>alert(1)</script>.png',
  'photo.png/',
  ' .png',
]

export async function fileCases(f: Fixtures, png: Buffer): Promise<FuzzCase[]> {
  const polyglot = Buffer.concat([png, HTML])
  const refused: [string, Buffer, string, string][] = [
    ['HTML renamed .jpg', HTML, 'photo.jpg', 'image/jpeg'],
    ['HTML as .pdf', HTML, 'paper.pdf', 'application/pdf'],
    ['HTML as .html', HTML, 'page.html', 'text/html'],
    ['an .exe renamed .jpg', EXE, 'photo.jpg', 'image/jpeg'],
    ['an ELF binary renamed .png', ELF, 'photo.png', 'image/png'],
    ['SVG with script', SVG, 'drawing.svg', 'image/svg+xml'],
    ['SVG with script renamed .png', SVG, 'drawing.png', 'image/png'],
    ['a PNG+HTML polyglot named .html', polyglot, 'page.html', 'text/html'],
    [
      'a zip bomb .docx (100 MB, honest sizes)',
      docxBomb(100),
      'case.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'a zip bomb .docx (100 MB, sizes lie)',
      docxBomb(100, { lie: true }),
      'case.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'a .docx with 20,000 entries',
      docxManyEntries(20_000),
      'case.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['a PNG bomb 20000×20000', pngBomb(20_000, 20_000), 'bomb.png', 'image/png'],
    [
      'a PNG header of 100000×100000 with 10 rows',
      pngBomb(100_000, 100_000, 10),
      'bomb.png',
      'image/png',
    ],
    ['a PNG bomb just over 50 MP (7072×7072)', pngBomb(7072, 7072), 'bomb.png', 'image/png'],
  ]
  const cases: FuzzCase[] = []
  for (const route of ROUTES) {
    for (const [what, file, name, type] of refused) {
      cases.push({
        name: `${route.name}: ${what}`,
        category: 'hostile-file',
        expect: 'refuse',
        request: () => route.request(f, file, name, type),
      })
    }
    cases.push({
      name: `${route.name}: a PNG+HTML polyglot named .png (kept only as a clean image)`,
      category: 'hostile-file',
      expect: 'no-leak',
      request: () => route.request(f, polyglot, 'photo.png', 'image/png'),
      check: (answer, run) => servedClean(f, route, answer, run),
    })
    for (const name of TRAVERSAL_NAMES) {
      cases.push({
        name: `${route.name}: a PNG named ${JSON.stringify(name).slice(0, 60)}`,
        category: 'path-traversal',
        expect: 'no-leak',
        request: () => route.request(f, png, name, 'image/png'),
        check: (answer) =>
          answer.status < 300 ? unsafeName(route.stored(answer)?.filename) : undefined,
      })
    }
  }
  for (const path of [
    '/api/media/file/..%2F..%2F..%2Fetc%2Fpasswd',
    '/api/media/file/%2e%2e/%2e%2e/package.json',
    '/api/media/file/..%5C..%5Cpackage.json',
    '/api/media/file/....//....//package.json',
    '/media/..%2F..%2Fpackage.json',
  ]) {
    cases.push({
      name: `GET ${path}`,
      category: 'path-traversal',
      expect: 'refuse',
      request: { path },
      check: (answer) =>
        /"name"\s*:|root:x:/.test(answer.text)
          ? 'a file outside the media folder came back'
          : undefined,
    })
  }
  return cases
}
