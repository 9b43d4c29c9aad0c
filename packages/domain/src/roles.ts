import type { Label } from './label'

/** Who a signed-in user is to the platform. Admins can do everything an editor can. */
export const ROLE_LABELS = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  editor: { zh: '组委会编辑', en: 'Editor (organizing committee)' },
  reviewer: { zh: '评审专家', en: 'Expert reviewer' },
  participant: { zh: '参与者', en: 'Participant' },
  partner: { zh: '合作媒体', en: 'Media partner' },
} as const satisfies Record<string, Label>

export type Role = keyof typeof ROLE_LABELS

export const ROLES = Object.keys(ROLE_LABELS) as Role[]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLE_LABELS, value)
}

export function isEditorRole(role: Role | undefined): boolean {
  return role === 'admin' || role === 'editor'
}
