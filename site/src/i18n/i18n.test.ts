import { afterEach, describe, expect, it } from 'vitest'

import { messages, t } from './common'
import { alternatePath, htmlLang, localeFromLang, localePath, splitLocale } from './index'

describe('t', () => {
  const saved = messages.en['home.archive']

  afterEach(() => {
    messages.en['home.archive'] = saved
  })

  it('should translate into English', () => {
    expect(t('en', 'home.archive')).toBe('Past campaigns')
    expect(t('zh', 'home.archive')).toBe('往届活动')
  })

  it('should fall back to Chinese when an English string is missing', () => {
    delete messages.en['home.archive']
    expect(t('en', 'home.archive')).toBe('往届活动')
  })

  it('should fill parameters and leave unknown ones visible', () => {
    expect(t('zh', 'pagination.status', { page: 2, total: 5 })).toBe('第 2 / 5 页')
    expect(t('zh', 'pagination.status', { page: 2 })).toBe('第 2 / {total} 页')
  })
})

describe('locale paths', () => {
  it.each([
    ['/en', 'en', '/'],
    ['/en/', 'en', '/'],
    ['/en/campaigns/x', 'en', '/campaigns/x'],
    ['/entries/2026-7KQ4M2', 'zh', '/entries/2026-7KQ4M2'],
    ['/english', 'zh', '/english'],
  ])('should split %s into %s and %s', (pathname, locale, path) => {
    expect(splitLocale(pathname)).toEqual({ locale, path })
  })

  it('should prefix English paths and switch between languages', () => {
    expect(localePath('en', '/')).toBe('/en')
    expect(localePath('zh', '/campaigns/x')).toBe('/campaigns/x')
    expect(alternatePath('/campaigns/x')).toBe('/en/campaigns/x')
    expect(alternatePath('/en/campaigns/x')).toBe('/campaigns/x')
  })

  it('should give the html lang of each locale', () => {
    expect(htmlLang('zh')).toBe('zh-CN')
    expect(htmlLang('en')).toBe('en')
  })
})

describe('localeFromLang', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-CN', 'zh'],
    ['', 'zh'],
    [null, 'zh'],
  ])('should read <html lang="%s"> as %s', (lang, locale) => {
    expect(localeFromLang(lang)).toBe(locale)
  })

  it('should undo htmlLang', () => {
    expect(localeFromLang(htmlLang('en'))).toBe('en')
    expect(localeFromLang(htmlLang('zh'))).toBe('zh')
  })
})
