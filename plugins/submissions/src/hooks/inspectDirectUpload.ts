import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'

import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'

import { FileRefused, inspectFile, safeFileName } from '../inspect'
import type { AllowedFileKind } from '../rules'
import type { ResolvedSubmissionsOptions } from '../types'

/** What a participant sends straight to the media collection: a scanned form, as a picture or a PDF. */
const DIRECT_KINDS: readonly AllowedFileKind[] = ['image', 'pdf']

const refusal = (code: string, message: string, limit?: number | string) =>
  new APIError(message, 400, { errors: [{ field: 'file', code, message, limit }] }, true)

/**
 * A non-editor's file arriving through Payload's own upload route
 * (`POST /api/media`, the recommendation form's way in) gets the checks the
 * plugin's upload route makes: a safe stored name (no leading dot, device
 * name, bidi or control character), its kind by magic bytes, zip and
 * decompression bombs refused. Editors' files get the safe name only.
 */
export function inspectDirectUpload(
  options: ResolvedSubmissionsOptions,
): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    const file = req.file
    // The server's own code (Local API) has made its checks; REST and GraphQL are the way in.
    if (!file || (operation !== 'create' && operation !== 'update') || req.payloadAPI === 'local') {
      return args
    }
    // Every uploader's file, editors' too, gets a name the disk and a browser take safely.
    if ([...file.name].some((c) => c.charCodeAt(0) < 0x20)) {
      throw refusal('file.name', '文件名含有控制字符，请重命名后再上传')
    }
    file.name = safeFileName(file.name)
    if (options.isEditor(req.user)) {
      return args
    }
    const temp = file.tempFilePath
      ? undefined
      : path.join(os.tmpdir(), `exemplar-direct-${randomUUID()}`)
    try {
      if (temp) {
        await fs.promises.writeFile(temp, file.data)
      }
      await inspectFile(temp ?? file.tempFilePath!, {
        originalName: file.name,
        allowedKinds: DIRECT_KINDS,
      })
    } catch (err) {
      if (err instanceof FileRefused) {
        throw refusal(err.code, err.message, err.limit)
      }
      throw err
    } finally {
      if (temp) {
        await fs.promises.rm(temp, { force: true })
      }
    }
    return args
  }
}
