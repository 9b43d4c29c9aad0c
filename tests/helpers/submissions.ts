import fs from 'node:fs'
import path from 'node:path'

import JSZip from 'jszip'
import { handleEndpoints, type Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

/** A published campaign with one track whose submission window is open now (or closes at `endsAt`). */
export async function submissionCampaign(
  payload: Payload,
  {
    slug,
    kind = 'text-image',
    requirements = {},
    startsAt = new Date(Date.now() - 86_400_000),
    endsAt = new Date(Date.now() + 86_400_000),
  }: {
    slug: string
    kind?: string
    requirements?: Record<string, unknown>
    startsAt?: Date
    endsAt?: Date
  },
) {
  return payload.create({
    collection: 'campaigns',
    data: {
      title: `征集测试 ${slug}`,
      slug,
      year: 2026,
      _status: 'published',
      tracks: [{ key: 'main', name: '测试类别', kind: kind as 'photo', requirements }],
      phases: [
        { kind: 'submission', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
      ],
    } as never,
  })
}

/** A participant account and its session token (as the site's cookie carries it). */
export async function participant(
  payload: Payload,
  key: string,
  extra: Record<string, unknown> = {},
) {
  const email = `${key}@submit.example.org`
  const user = await payload.create({
    collection: 'users',
    data: {
      email,
      password: 'pw-123456',
      name: `参与者 ${key}`,
      role: 'participant',
      ...extra,
    } as never,
  })
  const { token } = await payload.login({
    collection: 'users',
    data: { email, password: 'pw-123456' },
  })
  return { user, token: token! }
}

/** A minimal MP4: `ftyp`, `moov/mvhd` with the duration, and an `mdat` of `mdatBytes` zeros. */
export function mp4Header(durationSeconds: number, mdatBytes: number): Buffer {
  const box = (type: string, payload: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(8 + payload.length, 0)
    head.write(type, 4, 'latin1')
    return Buffer.concat([head, payload])
  }
  const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1'))
  const mvhd = Buffer.alloc(100)
  mvhd.writeUInt32BE(1000, 12) // timescale
  mvhd.writeUInt32BE(Math.round(durationSeconds * 1000), 16)
  const moov = box('moov', box('mvhd', mvhd))
  const mdat = Buffer.alloc(8)
  mdat.writeUInt32BE(8 + mdatBytes, 0)
  mdat.write('mdat', 4, 'latin1')
  return Buffer.concat([ftyp, moov, mdat])
}

export function mp4Bytes(durationSeconds: number, mdatBytes = 1024): Buffer {
  return Buffer.concat([mp4Header(durationSeconds, mdatBytes), Buffer.alloc(mdatBytes)])
}

/** 8 kHz mono 8-bit PCM of a quiet tone. */
export function wavBytes(seconds: number): Buffer {
  const rate = 8000
  const samples = Math.round(rate * seconds)
  const head = Buffer.alloc(44)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(36 + samples, 4)
  head.write('WAVEfmt ', 8, 'latin1')
  head.writeUInt32LE(16, 16)
  head.writeUInt16LE(1, 20)
  head.writeUInt16LE(1, 22)
  head.writeUInt32LE(rate, 24)
  head.writeUInt32LE(rate, 28)
  head.writeUInt16LE(1, 32)
  head.writeUInt16LE(8, 34)
  head.write('data', 36, 'latin1')
  head.writeUInt32LE(samples, 40)
  const data = Buffer.alloc(samples)
  for (let i = 0; i < samples; i++) {
    data[i] = 128 + Math.round(20 * Math.sin((i / rate) * 2 * Math.PI * 440))
  }
  return Buffer.concat([head, data])
}

/** Random noise compresses badly, so a JPEG at quality 95 gets big fast. */
export async function noiseJpeg(
  width: number,
  height: number,
  { gps = false }: { gps?: boolean } = {},
): Promise<Buffer> {
  // Filled four bytes at a time, so rounded up to a multiple of four.
  const raw = Buffer.alloc(Math.ceil((width * height * 3) / 4) * 4)
  for (let i = 0; i < raw.length; i += 4) {
    raw.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, i)
  }
  let image = sharp(raw.subarray(0, width * height * 3), { raw: { width, height, channels: 3 } })
  if (gps) {
    image = image.withExif({
      IFD0: { Make: 'ExemplarCam', Model: 'GPS Test' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 2700/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 1700/100',
      },
    })
  }
  return image.jpeg({ quality: 95 }).toBuffer()
}

/** A JPEG of at least `minBytes`, made once per test run and kept in `dir`. */
export async function bigPhoto(dir: string, minBytes: number, gps = false): Promise<Buffer> {
  const file = path.join(dir, `photo-${minBytes}-${gps ? 'gps' : 'plain'}.jpg`)
  if (fs.existsSync(file)) {
    return fs.readFileSync(file)
  }
  let side = 1000
  let data = await noiseJpeg(side, side, { gps })
  while (data.length < minBytes) {
    side = Math.ceil(side * Math.sqrt((minBytes * 1.1) / data.length))
    data = await noiseJpeg(side, Math.round(side * 0.75), { gps })
  }
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(file, data)
  return data
}

export async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer()
}

export async function pdfBytes(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) {
    doc.addPage([595, 842]).drawText(`page ${i + 1}`)
  }
  return Buffer.from(await doc.save())
}

/** A .docx whose text is an abstract paragraph ("摘要：…") and body paragraphs. */
export async function docxBytes(
  { abstract, body }: { abstract?: string; body: string[] },
  extra: Record<string, string | Buffer> = {},
): Promise<Buffer> {
  const zip = new JSZip()
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${abstract !== undefined ? p(`摘要：${abstract}`) : ''}${body.map(p).join('')}</w:body></w:document>`,
  )
  for (const [name, data] of Object.entries(extra)) {
    zip.file(name, data)
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** JSON and multipart calls to /api/submissions with a participant's cookie. */
export function submissionsClient(baseUrl: string, token?: string) {
  // Payload takes the cookie only from a trusted origin (CSRF), as the site's proxy sends it.
  const headers = (extra: Record<string, string> = {}) => ({
    origin: 'http://localhost:4321',
    ...(token ? { cookie: `payload-token=${token}` } : {}),
    ...extra,
  })
  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/submissions${route}`, {
      method,
      headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as any }
  }
  const upload = async (
    file: Buffer,
    name: string,
    fields: Record<string, string>,
    type = 'application/octet-stream',
  ) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) {
      form.set(k, v)
    }
    form.set('file', new Blob([new Uint8Array(file)], { type }), name)
    const res = await fetch(`${baseUrl}/api/submissions/uploads`, {
      method: 'POST',
      headers: headers(),
      body: form,
    })
    const text = await res.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as any }
  }
  return {
    headers,
    get: (route: string) => call('GET', route),
    post: (route: string, body: unknown = {}) => call('POST', route, body),
    patch: (route: string, body: unknown) => call('PATCH', route, body),
    delete: (route: string) => call('DELETE', route),
    upload,
  }
}

/** Payload's own REST routes (as Next serves them), called in-process with a user's token. */
export function restClient(config: Payload['config'], cacheKey: string, token?: string) {
  const call = async (method: string, route: string, body?: BodyInit, type?: string) => {
    const res = await handleEndpoints({
      config,
      payloadInstanceCacheKey: cacheKey,
      request: new Request(`http://localhost:3000/api${route}`, {
        method,
        headers: {
          ...(token ? { authorization: `JWT ${token}` } : {}),
          ...(type ? { 'content-type': type } : {}),
        },
        ...(body === undefined ? {} : { body }),
      }),
    })
    return res
  }
  const json = async (method: string, route: string, body?: unknown) => {
    const res = await call(
      method,
      route,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? undefined : 'application/json',
    )
    const text = await res.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as any }
  }
  /** `POST /api/<collection>` multipart, as the admin uploads: the file and `_payload` JSON. */
  const upload = async (
    collection: string,
    file: Buffer,
    name: string,
    type: string,
    data: Record<string, unknown> = {},
  ) => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(file)], { type }), name)
    form.set('_payload', JSON.stringify(data))
    // Sent as bytes: a FormData body streamed by undici fails unhandled when the server stops
    // reading it (a refused upload), which is the case under test.
    const encoded = new Response(form)
    const bytes = new Uint8Array(await encoded.arrayBuffer())
    const res = await call('POST', `/${collection}`, bytes, encoded.headers.get('content-type')!)
    const text = await res.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as any }
  }
  return {
    get: (route: string) => call('GET', route),
    post: (route: string, body: unknown) => json('POST', route, body),
    patch: (route: string, body: unknown) => json('PATCH', route, body),
    upload,
  }
}

/** tus 1.0 requests to the CMS's bare route, with a participant's headers. */
export function tusClient(baseUrl: string, headers: () => Record<string, string>) {
  const url = (route = '') => `${baseUrl}/api/submissions/tus${route}`
  const meta = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
      .join(',')
  const send = (method: string, route: string, extra: Record<string, string> = {}, body?: Buffer) =>
    fetch(url(route), {
      method,
      headers: { ...headers(), 'tus-resumable': '1.0.0', ...extra },
      ...(body ? { body: new Uint8Array(body) } : {}),
    })
  return {
    /** Starts an upload of `length` bytes; answers the response and the upload id. */
    create: async (
      length: number,
      fields: { campaign: number | string; filename?: string; track?: string },
    ) => {
      const res = await send('POST', '', {
        'upload-length': String(length),
        'upload-metadata': meta({
          filename: fields.filename ?? 'clip.mp4',
          campaign: String(fields.campaign),
          track: fields.track ?? 'main',
        }),
      })
      return { res, id: res.headers.get('location')?.split('/').pop() ?? '' }
    },
    patch: (id: string, offset: number, chunk: Buffer) =>
      send(
        'PATCH',
        `/${id}`,
        { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        chunk,
      ),
    head: (id: string) => send('HEAD', `/${id}`),
    get: (id: string) => send('GET', `/${id}`),
    remove: (id: string) => send('DELETE', `/${id}`),
  }
}
