import type { Label } from './label'

export const INSTITUTION_TYPE_LABELS = {
  medical: { zh: '医疗卫生机构', en: 'Medical institution' },
  'public-health': { zh: '专业公共卫生机构', en: 'Public health institution' },
  media: { zh: '媒体单位', en: 'Media outlet' },
  recommending: { zh: '推荐单位', en: 'Recommending body' },
  government: { zh: '卫生健康行政部门', en: 'Health authority' },
  association: { zh: '行业协会/学会', en: 'Association or society' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>

export const MEDIA_ACCOUNT_KIND_LABELS = {
  wechat: { zh: '微信公众号', en: 'WeChat official account' },
  weibo: { zh: '微博', en: 'Weibo' },
  app: { zh: 'APP', en: 'App' },
  website: { zh: '官网', en: 'Website' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>

export const VERIFICATION_LABELS = {
  pending: { zh: '待审核', en: 'Pending review' },
  verified: { zh: '已认证', en: 'Verified' },
  rejected: { zh: '未通过', en: 'Not approved' },
} as const satisfies Record<string, Label>

/** The seven rows of seed 001's 回执表, in its words; "other" last, with its own note. */
export const PARTICIPATION_MODE_LABELS = {
  print: { zh: '媒体征集宣传', en: 'Print publicity' },
  website: { zh: '网站征集宣传', en: 'Website publicity' },
  'official-account': { zh: '公众号征集宣传', en: 'Official-account publicity' },
  'journal-inner': { zh: '期刊内页征集宣传', en: 'Journal inner pages' },
  'journal-cover': { zh: '期刊封页征集宣传', en: 'Journal covers' },
  offline: { zh: '参加基层线下扶贫活动宣传', en: 'Offline outreach activities' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>

export type ParticipationMode = keyof typeof PARTICIPATION_MODE_LABELS

/**
 * Professional titles (职称) from the bottom of the ladder. Residents are
 * listed so a form can offer them and the server can say why they are
 * refused: seed 000 admits 主治医师 and above only.
 */
export const DOCTOR_TITLE_LABELS = {
  resident: { zh: '住院医师', en: 'Resident physician' },
  attending: { zh: '主治医师', en: 'Attending physician' },
  'associate-chief': { zh: '副主任医师', en: 'Associate chief physician' },
  chief: { zh: '主任医师', en: 'Chief physician' },
} as const satisfies Record<string, Label>

export type DoctorTitle = keyof typeof DOCTOR_TITLE_LABELS

export const ELIGIBLE_DOCTOR_TITLES: readonly DoctorTitle[] = [
  'attending',
  'associate-chief',
  'chief',
]

export const DOCTOR_TITLE_RULE = '职称须为主治医师及以上'

/** Each institution may recommend at most 20 doctors (seed 000, 附件 2). */
export const DOCTOR_CAP = 20
