import { randomUUID } from 'node:crypto'

import type { CollectionSlug, Payload, Where } from 'payload'

import type { SessionKind, SessionState, UploadSession } from '../collections/uploadSessions'
import { refuse } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import { inTurn } from '../lib/inTurn'
import { formatBytes } from '../rules'
import type { ResolvedSubmissionsOptions } from '../types'

/** What one user holds now, as every process sees it: counted in the database. */
export interface Holdings {
  /** Declared bytes of the user's sessions (resumable uploads not yet completed, plain ones being read). */
  inFlightBytes: number
  /** Resumable uploads not yet completed. */
  resumable: number
  /** Bytes of the media the user owns (the files as stored; derived image sizes not counted). */
  storedBytes: number
}

export interface Reservation {
  uploadId: string
  /** Gives the bytes back; safe to call more than once. */
  release: () => Promise<void>
}

/**
 * Per-user upload quotas, counted through the database so that two CMS
 * processes agree. A reservation is written first and the totals read after
 * it: of two racing reservations neither can see room the other took, so the
 * limits hold (at worst both are refused, and the client retries).
 */
export class UploadQuota {
  constructor(
    readonly payload: Payload,
    readonly options: ResolvedSubmissionsOptions,
  ) {}

  private get sessions(): CollectionSlug {
    return this.options.uploadSessions
  }

  async holdings(owner: number | string): Promise<Holdings> {
    const [sessions, media] = await Promise.all([
      this.payload.find({
        collection: this.sessions,
        where: { owner: { equals: owner } },
        select: { declaredBytes: true, kind: true },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      }),
      this.payload.find({
        collection: this.options.media,
        where: { owner: { equals: owner } },
        select: { filesize: true },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      }),
    ])
    const rows = sessions.docs as unknown as Pick<UploadSession, 'declaredBytes' | 'kind'>[]
    return {
      inFlightBytes: rows.reduce((n, s) => n + (Number(s.declaredBytes) || 0), 0),
      resumable: rows.filter((s) => s.kind === 'resumable').length,
      storedBytes: (media.docs as { filesize?: number | null }[]).reduce(
        (n, m) => n + (Number(m.filesize) || 0),
        0,
      ),
    }
  }

  /**
   * Reserves `declaredBytes` for `user` or refuses: 429 past the number of
   * resumable uploads at once, 413 past the bytes in flight or stored, each
   * naming its limit. Nothing stays reserved after a refusal.
   */
  async reserve(
    user: unknown,
    { kind, declaredBytes, uploadId = randomUUID() }: ReserveArgs,
  ): Promise<Reservation> {
    const owner = idOf(user)
    if (owner === undefined) {
      throw refuse(401, 'user', 'auth.required', '请先登录后再上传')
    }
    // In turn per user within a process, so honest parallel uploads are not refused by each other.
    return inTurn(`quota:${owner}`, async () => {
      const now = new Date().toISOString()
      await this.payload.create({
        collection: this.sessions,
        data: {
          uploadId,
          owner,
          kind,
          state: 'receiving',
          declaredBytes,
          activeAt: now,
        } as never,
        depth: 0,
        overrideAccess: true,
      })
      const release = () => this.release(uploadId)
      try {
        this.check(await this.holdings(owner), kind, declaredBytes)
      } catch (err) {
        await release()
        throw err
      }
      return { uploadId, release }
    })
  }

  private check(held: Holdings, kind: SessionKind, declaredBytes: number): void {
    const { maxInFlightBytesPerUser: inFlight, maxStoredBytesPerUser: stored } = this.options
    const others = held.inFlightBytes - declaredBytes
    if (kind === 'resumable' && held.resumable > this.options.resumablePerUser) {
      throw refuse(
        429,
        'file',
        'upload.tooManyAtOnce',
        `同时进行的断点续传不超过 ${this.options.resumablePerUser} 个，请等当前文件上传完成后再试`,
        this.options.resumablePerUser,
      )
    }
    if (held.inFlightBytes > inFlight) {
      throw refuse(
        413,
        'file',
        'upload.inFlightQuota',
        `同时上传的文件合计不超过 ${formatBytes(inFlight)}（进行中 ${formatBytes(others)}，本次 ${formatBytes(declaredBytes)}），请等当前上传完成后再试`,
        inFlight,
      )
    }
    if (held.storedBytes + held.inFlightBytes > stored) {
      throw refuse(
        413,
        'file',
        'upload.storedQuota',
        `每个账号的文件存储空间为 ${formatBytes(stored)}（已用 ${formatBytes(held.storedBytes + others)}，本次 ${formatBytes(declaredBytes)}），请删除不再使用的文件后再上传`,
        stored,
      )
    }
  }

  /** Refuses a file of `bytes` arriving by another way (Payload's own upload route) past the stored quota. */
  async checkStored(user: unknown, bytes: number): Promise<void> {
    const owner = idOf(user)
    if (owner === undefined) {
      return
    }
    const held = await this.holdings(owner)
    const stored = this.options.maxStoredBytesPerUser
    if (held.storedBytes + held.inFlightBytes + bytes > stored) {
      throw refuse(
        413,
        'file',
        'upload.storedQuota',
        `每个账号的文件存储空间为 ${formatBytes(stored)}（已用 ${formatBytes(held.storedBytes + held.inFlightBytes)}，本次 ${formatBytes(bytes)}），请删除不再使用的文件后再上传`,
        stored,
      )
    }
  }

  async session(uploadId: string): Promise<UploadSession | undefined> {
    const { docs } = await this.payload.find({
      collection: this.sessions,
      where: { uploadId: { equals: uploadId } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
    })
    return docs[0] as unknown as UploadSession | undefined
  }

  /** Whether `user` owns the session of `uploadId`; no session, no owner. */
  async owns(user: unknown, uploadId: string): Promise<boolean> {
    const session = await this.session(uploadId)
    return Boolean(session && sameId(session.owner, user))
  }

  /** Records activity (a chunk arrived, the last byte arrived) so the sweep leaves the upload alone. */
  async touch(uploadId: string, state?: SessionState, at = new Date()): Promise<void> {
    await this.payload.update({
      collection: this.sessions,
      where: { uploadId: { equals: uploadId } },
      data: { activeAt: at.toISOString(), ...(state ? { state } : {}) } as never,
      depth: 0,
      overrideAccess: true,
    })
  }

  /** Deletes the sessions matching `where`; deleting what is already gone is no error. */
  async remove(where: Where): Promise<void> {
    await this.payload.delete({
      collection: this.sessions,
      where,
      depth: 0,
      overrideAccess: true,
    })
  }

  release(uploadId: string): Promise<void> {
    return this.remove({ uploadId: { equals: uploadId } })
  }
}

export interface ReserveArgs {
  kind: SessionKind
  declaredBytes: number
  /** The tus upload's id; plain uploads get a random one. */
  uploadId?: string
}

const quotas = new WeakMap<ResolvedSubmissionsOptions, UploadQuota>()

export function uploadQuota(payload: Payload, options: ResolvedSubmissionsOptions): UploadQuota {
  let quota = quotas.get(options)
  if (!quota || quota.payload !== payload) {
    quota = new UploadQuota(payload, options)
    quotas.set(options, quota)
  }
  return quota
}
