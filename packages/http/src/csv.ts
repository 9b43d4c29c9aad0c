import { escapeFormula, type ExportTable } from './table'

export { escapeFormula, type ExportColumn, type ExportTable } from './table'

// Excel only detects UTF-8 (and so shows Chinese correctly) with a BOM.
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

const NEEDS_QUOTES = /[",\r\n]/

function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return ''
  }
  if (typeof value === 'number') {
    return String(value)
  }
  const text = escapeFormula(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV of one table: header row, then one row per item, CRLF line ends. */
export function toCsv<Row>(table: ExportTable<Row>): Buffer {
  const lines = [table.columns.map((column) => field(column.header))]
  for (const row of table.rows) {
    lines.push(table.columns.map((column) => field(column.value(row))))
  }
  // RFC 4180 ends the last record with a line break too.
  const body = lines.map((cells) => `${cells.join(',')}\r\n`).join('')
  return Buffer.concat([BOM, Buffer.from(body, 'utf8')])
}
