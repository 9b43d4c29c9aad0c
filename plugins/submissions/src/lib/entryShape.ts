import type { RuleProblem } from '../rules'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 64)
const text = (v: unknown) => v === null || v === undefined || typeof v === 'string'

const TEXT_FIELDS = [
  'title',
  'abstract',
  'province',
  'city',
  'channel',
  'recommendingUnit',
  'informationSource',
]
const ROWS: Record<string, readonly string[]> = {
  sections: ['heading', 'body'],
  authors: ['name', 'title', 'affiliation'],
  attachments: ['caption'],
}

const problem = (field: string, message: string): RuleProblem => ({
  field,
  code: 'field.type',
  message: `${field} ${message}`,
})

/**
 * The JSON types of what a submitter writes, checked before any rule reads
 * it: the rules count characters and look for words in strings, and an
 * object where a string belongs (`{"$gt": ""}`) crashed them into a 500.
 */
export function entryShapeProblems(data: Record<string, unknown>): RuleProblem[] {
  const problems: RuleProblem[] = []
  for (const key of TEXT_FIELDS) {
    if (!text(data[key])) {
      problems.push(problem(key, '须为文字'))
    }
  }
  if (data.theme !== undefined && data.theme !== null && !isId(data.theme)) {
    problems.push(problem('theme', '须为主题编号'))
  }
  for (const [list, fields] of Object.entries(ROWS)) {
    const rows = data[list]
    if (rows === undefined || rows === null) {
      continue
    }
    if (!Array.isArray(rows)) {
      problems.push(problem(list, '须为列表'))
      continue
    }
    rows.forEach((row, i) => {
      if (!isObject(row)) {
        problems.push(problem(`${list}.${i}`, '须为对象'))
        return
      }
      for (const field of fields) {
        if (!text(row[field])) {
          problems.push(problem(`${list}.${i}.${field}`, '须为文字'))
        }
      }
      if (
        list === 'attachments' &&
        row.file !== undefined &&
        row.file !== null &&
        !isId(row.file) &&
        !(isObject(row.file) && isId(row.file.id))
      ) {
        problems.push(problem(`${list}.${i}.file`, '须为文件编号'))
      }
    })
  }
  const declarations = data.declarations
  if (declarations !== undefined && declarations !== null) {
    if (!isObject(declarations)) {
      problems.push(problem('declarations', '须为对象'))
    } else {
      for (const [key, value] of Object.entries(declarations)) {
        if (typeof value !== 'boolean') {
          problems.push(problem(`declarations.${key}`, '须为是或否（true/false）'))
        }
      }
    }
  }
  return problems
}
