import { ROLES, type Role } from '@exemplar/domain'

export { isEditorRole, ROLE_LABELS, ROLES, type Role } from '@exemplar/domain'

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
