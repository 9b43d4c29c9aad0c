import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import {
  MAX_ADMIN_ACTION_BYTES,
  MAX_JSON_BODY_BYTES,
  MAX_MULTIPART_BODY_BYTES,
  MAX_UPLOAD_FILE_BYTES,
  bodyLimitFor,
} from './bodyLimits'

function request(url: string, contentType: string): IncomingMessage {
  return { url, headers: { 'content-type': contentType } } as IncomingMessage
}

describe('bodyLimitFor', () => {
  it.each([
    ['/api/participants/register', 'application/json', MAX_JSON_BODY_BYTES],
    ['/api/graphql', 'application/graphql', MAX_JSON_BODY_BYTES],
    ['/api/users/login', 'application/x-www-form-urlencoded', MAX_JSON_BODY_BYTES],
    ['/api/media', 'multipart/form-data; boundary=x', MAX_MULTIPART_BODY_BYTES],
    ['/admin/collections/campaigns/5', 'text/plain;charset=UTF-8', MAX_ADMIN_ACTION_BYTES],
    ['/administrator', 'text/plain', MAX_JSON_BODY_BYTES],
  ])('should cap %s (%s) at its limit', (url, type, limit) => {
    expect(bodyLimitFor(request(url, type))).toBe(limit)
  })

  it('should leave room for the form fields beside the largest file', () => {
    expect(MAX_MULTIPART_BODY_BYTES).toBe(MAX_UPLOAD_FILE_BYTES + MAX_JSON_BODY_BYTES)
    expect(MAX_JSON_BODY_BYTES).toBe(1024 * 1024)
  })
})
