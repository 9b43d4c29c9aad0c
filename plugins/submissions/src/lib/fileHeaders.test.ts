import { describe, expect, it } from 'vitest'

import { safeFileHeaders } from './fileHeaders'

const served = (type: string) => safeFileHeaders(new Headers({ 'Content-Type': type }))

describe('safeFileHeaders', () => {
  it.each(['image/jpeg', 'image/png', 'audio/mpeg', 'video/mp4'])(
    'should show %s inline, with nosniff',
    (type) => {
      expect(served(type).get('x-content-type-options')).toBe('nosniff')
      expect(served(type).get('content-disposition')).toBeNull()
    },
  )

  it.each(['application/pdf', 'image/svg+xml', 'text/html; charset=utf-8', ''])(
    'should offer %s as a download, with nosniff',
    (type) => {
      expect(served(type).get('x-content-type-options')).toBe('nosniff')
      expect(served(type).get('content-disposition')).toBe('attachment')
    },
  )
})
