import { describe, expect, it } from 'vitest'

import { safeFileName } from './names'

describe('safeFileName', () => {
  it('should keep a Chinese name readable and lower-case the extension', () => {
    expect(safeFileName('抗疫瞬间（一）.JPG')).toBe('抗疫瞬间（一）.jpg')
    expect(safeFileName('医共体 案例 2021.docx')).toBe('医共体 案例 2021.docx')
  })

  it('should keep only the last path segment, whatever the separator', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('..\\..\\Windows\\system.ini')).toBe('system.ini')
    expect(safeFileName('C:\\Users\\张三\\照片.png')).toBe('照片.png')
    expect(safeFileName('..')).toBe('file')
    expect(safeFileName('')).toBe('file')
  })

  it('should remove control and direction-override characters that disguise an extension', () => {
    // U+202E makes "photo\u202Egpj.exe" display as "photoexe.jpg".
    expect(safeFileName('photo\u202Egpj.exe')).toBe('photogpj.exe')
    expect(safeFileName('a\u0000b\n.txt')).toBe('ab.txt')
  })

  it('should replace characters Windows forbids and trim dots and spaces at the ends', () => {
    expect(safeFileName('问:答*?.pdf')).toBe('问_答__.pdf')
    expect(safeFileName(' .hidden.pdf. ')).toBe('hidden.pdf')
  })

  it('should rename Windows device names', () => {
    expect(safeFileName('CON.txt')).toBe('_CON.txt')
    expect(safeFileName('lpt1')).toBe('_lpt1')
    expect(safeFileName('console.txt')).toBe('console.txt')
  })

  it('should cut a long name to 200 bytes without splitting a character and keep the extension', () => {
    const name = safeFileName(`${'案'.repeat(100)}.docx`)
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200)
    expect(name.endsWith('案.docx')).toBe(true)
    expect(name).toBe(`${'案'.repeat(65)}.docx`)
  })
})

describe('safeFileName on hostile names', () => {
  it('should strip 100 000 dots and spaces around a name in one pass', () => {
    expect(
      safeFileName(`${'.'.repeat(100_000)}${' '.repeat(100_000)}x${' .'.repeat(100_000)}`),
    ).toBe('x')
    expect(safeFileName(`a${'. '.repeat(100_000)}b.png`).endsWith('.png')).toBe(true)
  })

  it('should cut a name of 100 000 characters to 200 bytes in one pass', () => {
    expect(safeFileName(`${'中'.repeat(100_000)}.jpg`)).toBe(`${'中'.repeat(65)}.jpg`)
  })
})
