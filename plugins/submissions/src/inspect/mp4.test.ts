import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readMp4 } from './mp4'
import { box, ftyp, makeMp4, makeTruncatedMp4, moov } from './testFiles'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exemplar-mp4-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function put(data: Buffer): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.mp4`)
  await writeFile(path, data)
  return path
}

/** ftyp, mdat, moov of `makeMp4` reordered as "fast start" files have it: moov before mdat. */
function fastStart(seconds: number): Buffer {
  const whole = makeMp4(seconds)
  const ftypLength = whole.readUInt32BE(0)
  const mdatLength = whole.readUInt32BE(ftypLength)
  return Buffer.concat([
    whole.subarray(0, ftypLength),
    whole.subarray(ftypLength + mdatLength),
    whole.subarray(ftypLength, ftypLength + mdatLength),
  ])
}

describe('readMp4', () => {
  it('should read the movie header wherever moov sits', async () => {
    expect(await readMp4(await put(makeMp4(179.5)))).toEqual({
      intact: true,
      durationSeconds: 179.5,
    })
    expect(await readMp4(await put(fastStart(60)))).toEqual({ intact: true, durationSeconds: 60 })
  })

  it('should call a file cut off in its media data damaged even when moov came first', async () => {
    const whole = fastStart(60)
    expect((await readMp4(await put(whole.subarray(0, whole.length - 100)))).intact).toBe(false)
    expect((await readMp4(await put(makeTruncatedMp4()))).intact).toBe(false)
  })

  it('should call a file without moov damaged', async () => {
    const noMoov = Buffer.concat([ftyp(), box('mdat', Buffer.alloc(64))])
    expect(await readMp4(await put(noMoov))).toEqual({ intact: false })
  })

  it('should read a fragmented file length from mvex/mehd when mvhd says 0', async () => {
    const mehd = Buffer.alloc(8)
    mehd.writeUInt32BE(95_000, 4)
    const header = moov(0)
    const fragmented = Buffer.concat([
      ftyp(),
      box('moov', header.subarray(8), box('mvex', box('mehd', mehd))),
      box('moof', Buffer.alloc(16)),
      box('mdat', Buffer.alloc(64)),
    ])
    expect(await readMp4(await put(fragmented))).toEqual({ intact: true, durationSeconds: 95 })
  })
})
