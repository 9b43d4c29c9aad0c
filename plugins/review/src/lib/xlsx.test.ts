import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import type { ExportTable } from '@exemplar/http/csv'
import { toXlsx } from './xlsx'

interface Score {
  title: string
  reviewer: string | null
  score: number | undefined
}

const scores: ExportTable<Score> = {
  name: '评审结果',
  columns: [
    { key: 'title', header: '作品标题', value: (row) => row.title },
    { key: 'reviewer', header: '评审专家', value: (row) => row.reviewer },
    { key: 'score', header: '得分', value: (row) => row.score },
  ],
  rows: [
    { title: '互联网医院让慢病随访走进家门', reviewer: '张医生', score: 87.5 },
    { title: '=HYPERLINK("x")', reviewer: null, score: -5 },
    { title: '-1', reviewer: '@SUM(A1)', score: undefined },
  ],
}

const load = async (buffer: Buffer): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  // exceljs declares its own Buffer type; the Node Buffer it gets is what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook
}

const sheetOf = async (
  tables: ExportTable<Score>[] | ExportTable<Score>,
  index = 0,
): Promise<ExcelJS.Worksheet> => {
  const workbook = await load(await toXlsx(tables))
  const sheet = workbook.worksheets[index]
  expect(sheet).toBeDefined()
  return sheet as ExcelJS.Worksheet
}

describe('toXlsx', () => {
  it('should write one worksheet named after the table', async () => {
    const workbook = await load(await toXlsx(scores))
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['评审结果'])
  })

  it('should write one worksheet per table in order', async () => {
    const workbook = await load(await toXlsx([scores, { ...scores, name: '汇总' }]))
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['评审结果', '汇总'])
  })

  it('should write a bold header row', async () => {
    const sheet = await sheetOf(scores)
    expect(sheet.getRow(1).values).toEqual([undefined, '作品标题', '评审专家', '得分'])
    expect(sheet.getCell('A1').font?.bold).toBe(true)
  })

  it('should freeze the first row', async () => {
    const sheet = await sheetOf(scores)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('should write numbers as numeric cells', async () => {
    const sheet = await sheetOf(scores)
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getCell('C2').value).toBe(87.5)
  })

  it('should keep a negative number numeric and unescaped', async () => {
    const sheet = await sheetOf(scores)
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getCell('C3').value).toBe(-5)
  })

  it('should write a formula-like string as escaped text, not a formula', async () => {
    const sheet = await sheetOf(scores)
    const cell = sheet.getCell('A3')
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.value).toBe('\'=HYPERLINK("x")')
    expect(cell.formula).toBeUndefined()
  })

  it('should escape text starting with - or @', async () => {
    const sheet = await sheetOf(scores)
    expect([sheet.getCell('A4').value, sheet.getCell('B4').value]).toEqual(["'-1", "'@SUM(A1)"])
  })

  it('should leave null and undefined cells empty', async () => {
    const sheet = await sheetOf(scores)
    expect([sheet.getCell('B3').type, sheet.getCell('C4').type]).toEqual([
      ExcelJS.ValueType.Null,
      ExcelJS.ValueType.Null,
    ])
  })

  it('should round-trip Chinese text', async () => {
    const sheet = await sheetOf(scores)
    expect(sheet.getCell('A2').value).toBe('互联网医院让慢病随访走进家门')
  })

  it('should count Chinese characters double when fitting column widths', async () => {
    const sheet = await sheetOf(scores)
    // 14 Chinese characters → 28 columns, plus 2 of padding.
    expect(sheet.getColumn(1).width).toBe(30)
  })

  it('should cap column widths at 60', async () => {
    const long = { ...scores, rows: [{ title: 'x'.repeat(200), reviewer: null, score: 1 }] }
    const sheet = await sheetOf(long)
    expect(sheet.getColumn(1).width).toBe(60)
  })

  it('should sanitize, truncate and deduplicate sheet names', async () => {
    const name = '2025年[基层]医疗:卫生*服务?能力/提升\\行动 优秀案例征集 评审结果汇总'
    const workbook = await load(
      await toXlsx([
        { ...scores, name },
        { ...scores, name },
      ]),
    )
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '2025年_基层_医疗_卫生_服务_能力_提升_行动 优秀案例',
      '2025年_基层_医疗_卫生_服务_能力_提升_行动 (2)',
    ])
  })

  it('should rename the reserved and empty sheet names', async () => {
    const workbook = await load(
      await toXlsx([
        { ...scores, name: 'History' },
        { ...scores, name: "''" },
      ]),
    )
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['History (2)', 'Sheet'])
  })
})
