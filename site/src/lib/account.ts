/**
 * Accounts and participants on the public site: the domain's participant
 * label tables as the forms use them, the checks
 * the forms run before the server does (same rules as
 * plugins/participants/src/lib), and what the account and pledge islands make
 * of `GET /api/participants/me`.
 */
import type {
  AuthorProfile,
  DoctorProfile,
  MediaPartner,
  Organization,
  Pledge,
  User,
} from '@exemplar/cms/payload-types'
import {
  DOCTOR_CAP,
  DOCTOR_TITLE_LABELS,
  ELIGIBLE_DOCTOR_TITLES,
  FIELD_LIMITS,
  type Label,
} from '@exemplar/domain'
import {
  licenceMismatchMessage,
  namesMatch,
  normalizeInstitutionName,
} from '@exemplar/plugin-participants/rules'

export type RegistrationKind = 'institution' | 'author' | 'partner'
export type InstitutionType = Organization['type']
export type InstitutionProvince = NonNullable<Organization['province']>
export type MediaAccountKind = NonNullable<Organization['mediaAccounts']>[number]['kind']
export type PartnerMode = MediaPartner['modes'][number]
export type DoctorTitle = DoctorProfile['title']
export type Verification = Organization['verification']

export {
  INSTITUTION_TYPE_LABELS as INSTITUTION_TYPES,
  MEDIA_ACCOUNT_KIND_LABELS as MEDIA_ACCOUNT_KINDS,
  PARTICIPATION_MODE_LABELS as PARTNER_MODES,
  VERIFICATION_LABELS,
  PROVINCES as INSTITUTION_PROVINCES,
} from '@exemplar/domain'

/** Only attending physicians and above may be recommended (seed 000, 附件 2); 住院医师 is refused. */
export const DOCTOR_TITLES: Partial<Record<DoctorTitle, Label>> = Object.fromEntries(
  ELIGIBLE_DOCTOR_TITLES.map((title) => [title, DOCTOR_TITLE_LABELS[title]]),
)

export { label } from './labels'

export { DOCTOR_CAP }
export const PASSWORD_MIN = FIELD_LIMITS.passwordMin
export const PASSWORD_MAX = FIELD_LIMITS.passwordMax

/** Name against licence name, judged as the server judges it. */
export { namesMatch, normalizeInstitutionName }

export const isMobile = (value: string): boolean => /^1[3-9]\d{9}$/.test(value.trim())
export const isPostcode = (value: string): boolean => /^\d{6}$/.test(value.trim())
export const isLandline = (value: string): boolean =>
  /^0\d{2,3}[- ]?\d{7,8}(?:[-转]\d{1,6})?$/.test(value.trim())
export const isEmail = (value: string): boolean =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) && value.trim().length <= 254

/** Codes are typed with stray spaces, hyphens and lower-case x; the server stores them like this. */
export const normalizeCode = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase()
export const isPracticeCode = (value: string): boolean => /^\d{15}$/.test(normalizeCode(value))
export const isQualificationCode = (value: string): boolean => {
  const code = normalizeCode(value)
  return /^\d[0-9A-Z]*$/.test(code) && code.length >= 15 && code.length <= 30
}

/** A bare hostname for embedding: no scheme, port, path or IP address. */
export function isHostname(value: string): boolean {
  const host = value.trim().toLowerCase()
  const labels = host.split('.')
  const tld = labels.at(-1) ?? ''
  return (
    host.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l)) &&
    (/^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]{2,59}$/.test(tld))
  )
}

/** What a pasted address most likely meant as a hostname: https://News.Example.org/x → news.example.org. */
export function hostnameOf(value: string): string {
  const text = value.trim()
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname
  } catch {
    return text.toLowerCase()
  }
}

export interface FieldProblem {
  field: string
  message: string
}

type Body = Record<string, unknown>
const part = (body: Body, key: string): Body =>
  body[key] && typeof body[key] === 'object' ? (body[key] as Body) : {}
const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * The checks a registration can fail without the server, in the server's
 * words and field paths, so the reader sees them before sending. The server
 * checks everything again.
 */
export function checkRegistration(body: Body): FieldProblem[] {
  const problems: FieldProblem[] = []
  const need = (field: string, value: unknown, name: string) => {
    if (!str(value).trim()) {
      problems.push({ field, message: `请填写${name}` })
      return false
    }
    return true
  }
  const account = part(body, 'account')
  if (need('account.email', account.email, '邮箱') && !isEmail(str(account.email))) {
    problems.push({ field: 'account.email', message: '邮箱格式不正确' })
  }
  const password = str(account.password)
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    problems.push({
      field: 'account.password',
      message: `密码须为 ${PASSWORD_MIN}–${PASSWORD_MAX} 位`,
    })
  }
  need('account.name', account.name, '联系人姓名')
  if (str(account.phone) && !isMobile(str(account.phone))) {
    problems.push({ field: 'account.phone', message: '手机号须为 11 位中国大陆手机号码' })
  }
  if (body.agreement !== true) {
    problems.push({ field: 'agreement', message: '请阅读并同意平台协议' })
  }
  if (body.kind === 'institution') {
    const inst = part(body, 'institution')
    const hasName = need('institution.name', inst.name, '机构名称')
    const hasLicence = need('institution.licenceName', inst.licenceName, '营业执照名称')
    if (hasName && hasLicence && !namesMatch(str(inst.name), str(inst.licenceName))) {
      problems.push({
        field: 'institution.licenceName',
        message: licenceMismatchMessage(str(inst.name), str(inst.licenceName)),
      })
    }
    need('institution.type', inst.type, '机构类型')
    need('institution.province', inst.province, '所在省份')
    const campuses = Array.isArray(inst.campuses) ? (inst.campuses as Body[]) : []
    campuses.forEach((c, i) => need(`institution.campuses.${i}.name`, c.name, '院区名称'))
    const accounts = Array.isArray(inst.mediaAccounts) ? (inst.mediaAccounts as Body[]) : []
    accounts.forEach((a, i) => need(`institution.mediaAccounts.${i}.name`, a.name, '账号名称'))
  } else if (body.kind === 'author') {
    const author = part(body, 'author')
    need('author.name', author.name, '姓名')
    if (need('author.mobile', author.mobile, '手机号码') && !isMobile(str(author.mobile))) {
      problems.push({ field: 'author.mobile', message: '手机号须为 11 位中国大陆手机号码' })
    }
    need('author.address', author.address, '通讯地址')
    if (need('author.postcode', author.postcode, '邮编') && !isPostcode(str(author.postcode))) {
      problems.push({ field: 'author.postcode', message: '邮编须为 6 位数字' })
    }
  } else if (body.kind === 'partner') {
    const partner = part(body, 'partner')
    need('partner.outletName', partner.outletName, '媒体单位名称')
    if (need('partner.email', partner.email, '电子邮箱') && !isEmail(str(partner.email))) {
      problems.push({ field: 'partner.email', message: '邮箱格式不正确' })
    }
    need('partner.contactName', partner.contactName, '联系人')
    if (need('partner.mobile', partner.mobile, '手机号码') && !isMobile(str(partner.mobile))) {
      problems.push({ field: 'partner.mobile', message: '手机号须为 11 位中国大陆手机号码' })
    }
    if (str(partner.landline) && !isLandline(str(partner.landline))) {
      problems.push({ field: 'partner.landline', message: '座机号码须含区号，如 010-12345678' })
    }
    const modes = Array.isArray(partner.modes) ? partner.modes : []
    if (modes.length === 0) {
      problems.push({ field: 'partner.modes', message: '请至少选择一种参与方式' })
    }
    if (modes.includes('other')) {
      need('partner.otherMode', partner.otherMode, '其他参与方式的说明')
    }
    const domains = Array.isArray(partner.embedDomains) ? partner.embedDomains : []
    domains.forEach((d, i) => {
      if (!isHostname(str(d))) {
        problems.push({
          field: `partner.embedDomains.${i}`,
          message: `嵌入域名「${str(d)}」不是有效的域名，如 news.example.org（不含 http:// 和路径）`,
        })
      }
    })
  }
  return problems
}

export interface DoctorInput {
  name: string
  department: string
  title: string
  mobile: string
  practiceCertificateCode: string
  qualificationCertificateCode: string
}

/** The add-doctor form's checks, before the upload is spent. */
export function checkDoctor(doctor: DoctorInput, hasFile: boolean): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (!doctor.name.trim()) {
    problems.push({ field: 'name', message: '请填写医生姓名' })
  }
  if (!doctor.department.trim()) {
    problems.push({ field: 'department', message: '请填写科室' })
  }
  if (!(doctor.title in DOCTOR_TITLES)) {
    problems.push({
      field: 'title',
      message: '职称须为主治医师及以上（主治医师、副主任医师、主任医师）',
    })
  }
  if (!isMobile(doctor.mobile)) {
    problems.push({ field: 'mobile', message: '手机号须为 11 位中国大陆手机号码' })
  }
  if (!isPracticeCode(doctor.practiceCertificateCode)) {
    problems.push({ field: 'practiceCertificateCode', message: '医师执业证书编码须为 15 位数字' })
  }
  if (!isQualificationCode(doctor.qualificationCertificateCode)) {
    problems.push({
      field: 'qualificationCertificateCode',
      message: '医师资格证书编码须为 15–30 位数字或大写字母',
    })
  }
  if (!hasFile) {
    problems.push({
      field: 'recommendationForm',
      message: '请上传加盖单位公章的推荐表（PDF、JPG 或 PNG）',
    })
  }
  return problems
}

/** Recommendation forms: the types the server accepts, and a size the site refuses early. */
export const RECOMMENDATION_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export const RECOMMENDATION_MAX_BYTES = 20 * 1024 * 1024

/**
 * Where to go after signing in: only a path on this site (never another
 * origin, `//host` or a backslash trick), else the account page.
 */
export function safeNext(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) {
    return fallback
  }
  if (next.startsWith('/api/') || next.startsWith('/admin')) {
    return fallback
  }
  return next
}

/** The login address that returns the reader to `path` afterwards. */
export function loginHref(loginPath: string, returnTo: string): string {
  return `${loginPath}?${new URLSearchParams({ next: returnTo }).toString()}`
}

export interface MeResponse {
  user: Pick<User, 'id' | 'email' | 'name' | 'role'> & { organization?: number | null }
  organization?: Pick<
    Organization,
    'id' | 'name' | 'licenceName' | 'type' | 'verification' | 'verificationNote'
  >
  doctors: DoctorProfile[]
  author?: AuthorProfile
  partner?: MediaPartner
  pledges: (Pick<Pledge, 'id' | 'signedAt'> & { campaign: number; doctor: number | null })[]
}

export interface Signer {
  /** undefined for the institution itself. */
  doctor?: number
  name: string
  signed: boolean
}

export type PledgeState =
  | { kind: 'signedOut' }
  | { kind: 'notInstitution' }
  | { kind: 'unverified'; verification: Verification; note?: string | null }
  | { kind: 'ready'; signers: Signer[] }

/**
 * What the pledge island offers: only a verified institution signs, for
 * itself or for its verified doctors; each signer once per campaign.
 */
export function pledgeState(me: MeResponse | undefined, campaign: number): PledgeState {
  if (!me) {
    return { kind: 'signedOut' }
  }
  const org = me.organization
  if (!org) {
    return { kind: 'notInstitution' }
  }
  if (org.verification !== 'verified') {
    return { kind: 'unverified', verification: org.verification, note: org.verificationNote }
  }
  const signed = new Set(
    me.pledges.filter((p) => p.campaign === campaign).map((p) => p.doctor ?? 'organization'),
  )
  return {
    kind: 'ready',
    signers: [
      { name: org.name, signed: signed.has('organization') },
      ...me.doctors
        .filter((d) => d.verification === 'verified')
        .map((d) => ({ doctor: d.id, name: d.name, signed: signed.has(d.id) })),
    ],
  }
}

/** "5 / 20" with the free slots, for the doctor list. */
export function doctorSlots(doctors: readonly unknown[]): { used: number; left: number } {
  const used = doctors.length
  return { used, left: Math.max(0, DOCTOR_CAP - used) }
}

/** A hint in localStorage that this browser signed in, so the nav need not ask the server on every page. */
export const SIGNED_IN_HINT = 'exemplar.signedIn'
