import { open } from 'node:fs/promises'

export interface Mp4Facts {
  /** Every top-level box ends inside the file, and there is an `ftyp` and a `moov`. */
  intact: boolean
  /** From `mvhd`, or `mvex/mehd` for a fragmented file whose `mvhd` says 0. */
  durationSeconds?: number
}

/**
 * The structure and duration of an MP4/M4A/MOV from its movie header
 * (`moov/mvhd`), read box by box with small reads, so a 2 GB video costs a
 * few kilobytes.
 *
 * music-metadata only reports a duration for audio tracks, so a silent video
 * would look damaged; the movie header is what players show. Walking every
 * top-level box to the end of the file also finds a cut-off upload: a box
 * that claims more bytes than are left, or no `moov` at all (an interrupted
 * recording or a transfer that stopped half way).
 */
export async function readMp4(filePath: string): Promise<Mp4Facts> {
  const handle = await open(filePath, 'r')
  try {
    const { size: fileSize } = await handle.stat()
    const head = Buffer.alloc(16)
    const read = async (position: number, length: number) => {
      const buffer = length <= head.length ? head : Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, position)
      return bytesRead === length ? buffer.subarray(0, length) : undefined
    }

    /** Boxes directly inside [start, end): type, payload start, payload end. */
    async function* boxes(start: number, end: number) {
      let position = start
      while (position + 8 <= end) {
        const header = await read(position, 8)
        if (!header) {
          throw new Error('truncated')
        }
        let size = header.readUInt32BE(0)
        const type = header.toString('latin1', 4, 8)
        let headerSize = 8
        if (size === 1) {
          const large = await read(position + 8, 8)
          if (!large) {
            throw new Error('truncated')
          }
          size = Number(large.readBigUInt64BE(0))
          headerSize = 16
        } else if (size === 0) {
          size = end - position
        }
        if (size < headerSize || position + size > end) {
          throw new Error('truncated')
        }
        yield { type, from: position + headerSize, to: position + size }
        position += size
      }
    }

    let duration: number | undefined
    let fragmentUnits: number | undefined
    let timescale = 0
    let sawFtyp = false
    let sawMoov = false
    const readHeader = async (from: number, to: number) => {
      const data = await read(from, Math.min(32, to - from))
      if (!data || data.length < 8) {
        throw new Error('truncated')
      }
      return data
    }
    for await (const box of boxes(0, fileSize)) {
      if (box.type === 'ftyp') {
        sawFtyp = true
      }
      if (box.type !== 'moov') {
        continue
      }
      sawMoov = true
      for await (const child of boxes(box.from, box.to)) {
        if (child.type === 'mvhd') {
          const mvhd = await readHeader(child.from, child.to)
          const v1 = mvhd[0] === 1
          if (mvhd.length < (v1 ? 32 : 20)) {
            throw new Error('truncated')
          }
          timescale = v1 ? mvhd.readUInt32BE(20) : mvhd.readUInt32BE(12)
          const units = v1 ? Number(mvhd.readBigUInt64BE(24)) : mvhd.readUInt32BE(16)
          if (timescale > 0 && units > 0 && units !== 0xffffffff) {
            duration = units / timescale
          }
        } else if (child.type === 'mvex') {
          for await (const grandchild of boxes(child.from, child.to)) {
            if (grandchild.type === 'mehd') {
              const mehd = await readHeader(grandchild.from, grandchild.to)
              fragmentUnits = mehd[0] === 1 ? Number(mehd.readBigUInt64BE(4)) : mehd.readUInt32BE(4)
            }
          }
        }
      }
    }
    if (duration === undefined && fragmentUnits && timescale > 0) {
      duration = fragmentUnits / timescale
    }
    return {
      intact: sawFtyp && sawMoov,
      ...(duration !== undefined ? { durationSeconds: duration } : {}),
    }
  } catch {
    return { intact: false }
  } finally {
    await handle.close()
  }
}
