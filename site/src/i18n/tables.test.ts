import { describe, expect, it } from 'vitest'

import enAccount from './en/account'
import enCertificates from './en/certificates'
import enCommon from './en/common'
import enGallery from './en/gallery'
import enResults from './en/results'
import enReview from './en/review'
import enSubmission from './en/submission'
import enVoting from './en/voting'
import zhAccount from './zh/account'
import zhCertificates from './zh/certificates'
import zhCommon from './zh/common'
import zhGallery from './zh/gallery'
import zhResults from './zh/results'
import zhReview from './zh/review'
import zhSubmission from './zh/submission'
import zhVoting from './zh/voting'

const areas: [string, Record<string, string>, Record<string, string>][] = [
  ['common', zhCommon, enCommon],
  ['voting', zhVoting, enVoting],
  ['submission', zhSubmission, enSubmission],
  ['account', zhAccount, enAccount],
  ['review', zhReview, enReview],
  ['results', zhResults, enResults],
  ['certificates', zhCertificates, enCertificates],
  ['gallery', zhGallery, enGallery],
]

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe.each(areas)('the %s strings', (_area, zh, en) => {
  it('should have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
  })

  it('should have no empty string', () => {
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('')
    }
  })

  it('should take the same placeholders in both languages', () => {
    for (const key of Object.keys(zh)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(zh[key] ?? ''))
    }
  })
})
