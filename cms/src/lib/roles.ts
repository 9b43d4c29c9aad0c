export const ROLES = ['admin', 'editor', 'reviewer', 'participant', 'partner'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  editor: { zh: '组委会编辑', en: 'Editor (organizing committee)' },
  reviewer: { zh: '评审专家', en: 'Expert reviewer' },
  participant: { zh: '参与者', en: 'Participant' },
  partner: { zh: '合作媒体', en: 'Media partner' },
}

/** The role of whoever made a request; `undefined` for an anonymous reader. */
export function roleOf(user: unknown): Role | undefined {
  if (user && typeof user === 'object' && 'role' in user) {
    const role = (user as { role?: unknown }).role
    return ROLES.find((r) => r === role)
  }
  return undefined
}

export function idOf(user: unknown): number | string | undefined {
  if (user && typeof user === 'object' && 'id' in user) {
    const id = (user as { id?: unknown }).id
    return typeof id === 'number' || typeof id === 'string' ? id : undefined
  }
  return undefined
}

/** Admins can do everything an editor can. */
export function isEditorRole(role: Role | undefined): boolean {
  return role === 'admin' || role === 'editor'
}
