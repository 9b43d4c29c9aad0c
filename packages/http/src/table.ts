/**
 * One exported table, format-agnostic: the CSV and XLSX writers both take it,
 * so an export is defined once and every format escapes the same way.
 */
export interface ExportColumn<Row> {
  /** Stable identifier of the column, independent of the (localized) header. */
  key: string
  /** Header text shown in the first row. */
  header: string
  /** Cell value; null or undefined leaves the cell empty, numbers stay numeric. */
  value: (row: Row) => string | number | null | undefined
}

export interface ExportTable<Row> {
  /** Worksheet name in XLSX; callers use it for the file name of a CSV. */
  name: string
  columns: ExportColumn<Row>[]
  rows: Row[]
}

// Characters a spreadsheet may read as the start of a formula (OWASP CSV
// injection); tab and CR are included because some parsers strip them first.
const FORMULA_PREFIX = /^[=+\-@\t\r]/

/**
 * Make user text inert in a spreadsheet: entries, titles and comments are
 * typed by participants, and `=HYPERLINK(…)` or `@SUM(…)` must reach the
 * reviewer as text. Only for strings — a number cell is never a formula.
 */
export function escapeFormula(text: string): string {
  return FORMULA_PREFIX.test(text) ? `'${text}` : text
}
