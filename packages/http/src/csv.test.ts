import { describe, expect, it } from 'vitest'

import { toCsv } from './csv'
import { escapeFormula, type ExportTable } from './table'

interface Item {
  text: string | null | undefined
  score?: number
}

const table = (items: Item[]): ExportTable<Item> => ({
  name: '评审结果',
  columns: [
    { key: 'text', header: '作品标题', value: (row) => row.text },
    { key: 'score', header: '得分', value: (row) => row.score },
  ],
  rows: items,
})

/** The CSV text without its BOM. */
const text = (items: Item[]): string => toCsv(table(items)).subarray(3).toString('utf8')

/** The first data row's first field. */
const firstCell = (value: string): string => text([{ text: value }]).split('\r\n')[1] ?? ''

describe('escapeFormula', () => {
  it('should leave ordinary text alone', () => {
    expect(escapeFormula('互联网医院 1+1')).toBe('互联网医院 1+1')
  })

  it('should prefix every dangerous first character with a quote', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(escapeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ])
  })
})

describe('toCsv', () => {
  it('should start with a UTF-8 BOM', () => {
    expect([...toCsv(table([])).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('should write the header row then one CRLF-terminated row per item', () => {
    expect(
      text([
        { text: 'a', score: 1 },
        { text: 'b', score: 2.5 },
      ]),
    ).toBe('作品标题,得分\r\na,1\r\nb,2.5\r\n')
  })

  it('should quote a field with a double quote and double the quote', () => {
    expect(firstCell('say "hi"')).toBe('"say ""hi""",')
  })

  it('should quote a field with a comma', () => {
    expect(firstCell('a,b')).toBe('"a,b",')
  })

  it('should quote a field with line breaks and keep them inside the field', () => {
    expect(text([{ text: 'line1\nline2\r\nline3' }])).toBe(
      '作品标题,得分\r\n"line1\nline2\r\nline3",\r\n',
    )
  })

  it('should escape a text cell starting with =', () => {
    expect(firstCell('=1+1')).toBe("'=1+1,")
  })

  it('should escape a text cell starting with +', () => {
    expect(firstCell('+1')).toBe("'+1,")
  })

  it('should escape a text cell starting with -', () => {
    expect(firstCell('-1')).toBe("'-1,")
  })

  it('should escape a text cell starting with @', () => {
    expect(firstCell('@SUM(A1)')).toBe("'@SUM(A1),")
  })

  it('should escape a text cell starting with a tab', () => {
    expect(firstCell('\tx')).toBe("'\tx,")
  })

  it('should escape and quote a text cell starting with a carriage return', () => {
    expect(firstCell('\rx')).toBe('"\'\rx",')
  })

  it('should escape a formula that also needs quoting', () => {
    expect(firstCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")",')
  })

  it('should write a negative number as a plain number', () => {
    expect(text([{ text: 'a', score: -5 }]).split('\r\n')[1]).toBe('a,-5')
  })

  it('should leave null and undefined cells empty', () => {
    expect(text([{ text: null }, { text: undefined }])).toBe('作品标题,得分\r\n,\r\n,\r\n')
  })

  it('should round-trip Chinese text as UTF-8', () => {
    expect(firstCell('基层医疗卫生服务能力提升——“优质服务基层行”')).toBe(
      '基层医疗卫生服务能力提升——“优质服务基层行”,',
    )
  })
})
