import ExcelJS from 'exceljs'

import { escapeFormula, type ExportTable } from '@exemplar/http/csv'

// Excel's own limits on worksheet names; exceljs throws on most violations.
const SHEET_NAME_MAX = 31
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g
const MIN_WIDTH = 8
const MAX_WIDTH = 60

// East Asian wide characters take two columns in Excel's default fonts, so a
// Chinese title sized by code points would be cut off at half its width.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u

/** Cut to at most `max` UTF-16 units (Excel's count) without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = ''
  for (const char of text) {
    if (out.length + char.length > max) {
      break
    }
    out += char
  }
  return out
}

function fit(base: string, max: number): string {
  return truncate(base, max).replace(/[\s']+$/, '')
}

/**
 * A name Excel accepts: forbidden characters replaced, no leading or trailing
 * apostrophe, at most 31 units, and unique in the workbook ignoring case (two
 * campaigns can share a 31-character prefix). `taken` starts with the names
 * Excel reserves.
 */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(SHEET_NAME_FORBIDDEN, '_').replace(/^[\s']+|[\s']+$/g, '') || 'Sheet'
  let name = fit(base, SHEET_NAME_MAX)
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`
    name = `${fit(base, SHEET_NAME_MAX - suffix.length)}${suffix}`
  }
  taken.add(name.toLowerCase())
  return name
}

function displayWidth(text: string): number {
  let longest = 0
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0
    for (const char of line) {
      width += WIDE.test(char) ? 2 : 1
    }
    longest = Math.max(longest, width)
  }
  return longest
}

type Cell = string | number | null

function cell(value: string | number | null | undefined): Cell {
  if (value === null || value === undefined) {
    return null
  }
  if (typeof value === 'number') {
    // A numeric cell holding NaN or Infinity makes a file Excel refuses to open.
    return Number.isFinite(value) ? value : String(value)
  }
  return escapeFormula(value)
}

function addTable<Row>(workbook: ExcelJS.Workbook, table: ExportTable<Row>, taken: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  const headers = table.columns.map((column) => escapeFormula(column.header))
  const widths = headers.map(displayWidth)

  const header = sheet.addRow(headers)
  header.font = { bold: true }

  for (const row of table.rows) {
    const cells = table.columns.map((column) => cell(column.value(row)))
    cells.forEach((value, index) => {
      const width = value === null ? 0 : displayWidth(String(value))
      widths[index] = Math.max(widths[index] ?? 0, width)
    })
    sheet.addRow(cells)
  }

  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2))
  })
}

/** An .xlsx workbook with one worksheet per table, in the given order. */
export async function toXlsx<Row>(tables: ExportTable<Row>[] | ExportTable<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const taken = new Set<string>(['history'])
  for (const table of Array.isArray(tables) ? tables : [tables]) {
    addTable(workbook, table, taken)
  }
  // exceljs types its result as its own ArrayBuffer-like; in Node it is a Buffer.
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
