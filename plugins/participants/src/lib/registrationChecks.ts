import {
  checkEmail,
  checkHostname,
  checkLandline,
  checkMobile,
  checkPassword,
  checkPostcode,
  optional,
  required,
  type Check,
} from './formats'
import type { FieldError } from './errors'
import { licenceMismatchMessage, namesMatch } from './names'

/**
 * The registration form's checks that need no database, so a person sees all
 * their mistakes at once and the common refusals never start a write.
 */
export const KINDS = ['institution', 'author', 'partner'] as const
export type Kind = (typeof KINDS)[number]

export type Body = Record<string, unknown>
export const objectAt = (body: Body, key: string): Body => {
  const value = body[key]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {}
}
export const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** Checks one value and records the problem under its dotted path. */
function collect(errors: FieldError[], field: string, check: Check, value: unknown) {
  const message = check(value)
  if (message) {
    const empty = value === undefined || value === null || String(value).trim() === ''
    errors.push({ field, code: empty ? 'required' : 'invalid', message })
  }
}

/**
 * Everything that can be checked before writing, so a person sees all their
 * mistakes at once and the common refusals never start a write. Payload's
 * own validation still runs on each document inside the unit of work.
 */
export function precheck(kind: Kind, body: Body): FieldError[] {
  const shape = shapeProblems(kind, body)
  if (shape.length > 0) {
    // A value of the wrong JSON type is named once, not read as empty by the checks below.
    return shape
  }
  const errors: FieldError[] = []
  const account = objectAt(body, 'account')
  if (body.agreement !== true) {
    errors.push({
      field: 'agreement',
      code: 'required',
      message: '请阅读并同意平台协议（agreement）',
    })
  }
  collect(errors, 'account.email', required('邮箱', checkEmail), account.email)
  collect(errors, 'account.password', checkPassword, account.password)
  collect(errors, 'account.name', required('姓名'), account.name)
  collect(errors, 'account.phone', optional(checkMobile), account.phone)
  if (kind === 'institution') {
    const inst = objectAt(body, 'institution')
    collect(errors, 'institution.name', required('机构名称'), inst.name)
    collect(errors, 'institution.licenceName', required('营业执照名称'), inst.licenceName)
    if (
      str(inst.name) &&
      str(inst.licenceName) &&
      !namesMatch(str(inst.name), str(inst.licenceName))
    ) {
      errors.push({
        field: 'institution.licenceName',
        code: 'licenceMismatch',
        message: licenceMismatchMessage(inst.name, inst.licenceName),
      })
    }
    collect(errors, 'institution.type', required('机构类型'), inst.type)
  } else if (kind === 'author') {
    const author = objectAt(body, 'author')
    collect(errors, 'author.name', required('姓名'), author.name)
    collect(errors, 'author.mobile', required('手机', checkMobile), author.mobile)
    collect(errors, 'author.address', required('通讯地址'), author.address)
    collect(errors, 'author.postcode', required('邮编', checkPostcode), author.postcode)
  } else {
    const partner = objectAt(body, 'partner')
    collect(errors, 'partner.outletName', required('媒体名称'), partner.outletName)
    collect(errors, 'partner.email', required('电子邮箱', checkEmail), partner.email)
    collect(errors, 'partner.contactName', required('联系人'), partner.contactName)
    collect(errors, 'partner.mobile', required('手机', checkMobile), partner.mobile)
    collect(errors, 'partner.landline', optional(checkLandline), partner.landline)
    const modes = partner.modes
    if (!Array.isArray(modes) || modes.length === 0) {
      errors.push({
        field: 'partner.modes',
        code: 'required',
        message: '请至少选择一种参与方式（modes）',
      })
    }
    const domains = Array.isArray(partner.embedDomains) ? partner.embedDomains : []
    domains.forEach((d, i) => collect(errors, `partner.embedDomains.${i}`, checkHostname, d))
  }
  return errors
}

/** The text each part of the form holds, and its lists of rows; what else a body carries is ignored. */
const TEXT: Record<string, readonly string[]> = {
  account: ['email', 'password', 'name', 'phone'],
  institution: ['name', 'licenceName', 'type', 'province', 'city'],
  author: ['name', 'mobile', 'address', 'postcode', 'informationSource', 'email'],
  partner: ['outletName', 'address', 'email', 'contactName', 'landline', 'mobile', 'otherMode'],
}
const ROWS: Record<string, Record<string, readonly string[] | 'text'>> = {
  institution: { campuses: ['name', 'address'], mediaAccounts: ['kind', 'name', 'url'] },
  partner: { modes: 'text', embedDomains: 'text' },
}

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown) => v === undefined || v === null || typeof v === 'string'

/**
 * The JSON types of the form's values, checked first: `{"$gt": ""}` where a
 * name belongs is refused naming the field, not stored as its JSON text or
 * silently read as an empty optional value.
 */
function shapeProblems(kind: Kind, body: Body): FieldError[] {
  const problems: FieldError[] = []
  const parts = ['account', kind] as const
  for (const part of parts) {
    const value = body[part]
    if (value === undefined) {
      continue
    }
    if (!isObject(value)) {
      problems.push({ field: part, code: 'wrongType', message: `${part} 须为对象` })
      continue
    }
    for (const key of TEXT[part] ?? []) {
      if (!isText(value[key])) {
        problems.push({
          field: `${part}.${key}`,
          code: 'wrongType',
          message: `${part}.${key} 须为文字`,
        })
      }
    }
    for (const [list, fields] of Object.entries(ROWS[part] ?? {})) {
      const rows = value[list]
      if (rows === undefined || rows === null) {
        continue
      }
      if (!Array.isArray(rows)) {
        problems.push({
          field: `${part}.${list}`,
          code: 'wrongType',
          message: `${part}.${list} 须为列表`,
        })
        continue
      }
      rows.forEach((row, i) => {
        const at = `${part}.${list}.${i}`
        if (fields === 'text') {
          if (typeof row !== 'string') {
            problems.push({ field: at, code: 'wrongType', message: `${at} 须为文字` })
          }
        } else if (!isObject(row)) {
          problems.push({ field: at, code: 'wrongType', message: `${at} 须为对象` })
        } else {
          for (const key of fields.filter((k) => !isText(row[k]))) {
            problems.push({
              field: `${at}.${key}`,
              code: 'wrongType',
              message: `${at}.${key} 须为文字`,
            })
          }
        }
      })
    }
  }
  return problems
}

export function profileData(kind: 'author' | 'partner', part: Body): Body {
  if (kind === 'author') {
    return {
      name: str(part.name),
      mobile: str(part.mobile),
      address: str(part.address),
      postcode: str(part.postcode),
      informationSource: str(part.informationSource) || undefined,
    }
  }
  return {
    outletName: str(part.outletName),
    address: str(part.address) || undefined,
    contactName: str(part.contactName),
    landline: str(part.landline) || undefined,
    mobile: str(part.mobile),
    modes: Array.isArray(part.modes) ? part.modes : [],
    otherMode: str(part.otherMode) || undefined,
    embedDomains: Array.isArray(part.embedDomains) ? part.embedDomains.map(str) : [],
  }
}
