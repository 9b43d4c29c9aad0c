import { describe, expect, it } from 'vitest'

import { countChars, hasText } from './count'

describe('countChars', () => {
  it('should count each Chinese character and full-width mark as one', () => {
    expect(countChars('健康中国，医者先行。')).toBe(10)
    expect(countChars('（数据对比）')).toBe(6)
    expect(countChars('“逆行者”')).toBe(5)
  })

  it('should count a run of Latin letters or digits as one word, as Word/WPS 字数 does', () => {
    expect(countChars('2021年')).toBe(2)
    expect(countChars('COVID-19疫情')).toBe(3)
    expect(countChars('健康中国行动专网 2.0 版')).toBe(10)
    expect(countChars('open the app now')).toBe(4)
  })

  it('should never count whitespace, including full-width and zero-width spaces', () => {
    expect(countChars(' 健\u3000康\n\t中\u200B国 ')).toBe(4)
    expect(countChars('   \n\u3000')).toBe(0)
    expect(hasText('\u3000 \n')).toBe(false)
    expect(hasText('字')).toBe(true)
  })

  it('should count a surrogate-pair character, an emoji sequence and a combining mark as one each', () => {
    // U+20BB7 𠮷 is outside the BMP: two UTF-16 units, one character.
    expect('𠮷'.length).toBe(2)
    expect(countChars('𠮷野家')).toBe(3)
    expect(countChars('👍🏽👨‍👩‍👧')).toBe(2)
    expect(countChars('e\u0301')).toBe(1)
    expect(countChars('好👍')).toBe(2)
  })

  it('should treat empty and missing text as zero', () => {
    expect(countChars('')).toBe(0)
    expect(countChars(null)).toBe(0)
    expect(countChars(undefined)).toBe(0)
  })

  it('should count 2000 Chinese characters as 2000 and one more as 2001', () => {
    const text = '字'.repeat(2000)
    expect(countChars(text)).toBe(2000)
    expect(countChars(`${text}。`)).toBe(2001)
  })

  it('should count long text in pieces without changing the count at piece boundaries', () => {
    // A word run and an emoji family straddling the 256-unit piece boundary.
    expect(countChars(`${'a'.repeat(255)}👨‍👩‍👧`)).toBe(2)
    expect(countChars(`${'字'.repeat(255)}e\u0301e\u0301 x`)).toBe(257)
    expect(countChars('é '.repeat(300))).toBe(300)
    expect(countChars('👍🏽'.repeat(2000))).toBe(2000)
  })

  it('should count a 200 000-character body in linear time', () => {
    const unit = '健康中国行动，COVID-19 防控 2021 年成效显著。'
    expect(countChars(unit)).toBe(17)
    const text = unit.repeat(8000)
    const started = performance.now()
    expect(countChars(text)).toBe(17 * 8000)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
