import type { PayloadRequest, Where } from 'payload'

import { roleOf, type Role } from '../lib/roles'

/** Who is asking: a role, or a reader without an account. */
export type RoleKey = 'anonymous' | Role

export const ROLE_KEYS: readonly RoleKey[] = [
  'anonymous',
  'participant',
  'partner',
  'reviewer',
  'editor',
  'admin',
]

export function roleKeyOf(user: unknown): RoleKey {
  return roleOf(user) ?? 'anonymous'
}

/**
 * A document-level rule: `true` (every document), `false` (none) or a `Where`
 * that the database applies, so a list never holds what the caller may not
 * see. It receives the request only; the table has already chosen it by role.
 */
export type Rule = (req: PayloadRequest) => boolean | Where | Promise<boolean | Where>

/** One cell of the table: everything, nothing, or a rule. */
export type Cell = boolean | Rule

/** One operation of one collection, for every role. */
export type RoleCells = Readonly<Record<RoleKey, Cell>>

/** A field-level rule: Payload asks it per document, with the document at hand. */
export type FieldRule = (args: {
  req: PayloadRequest
  id?: number | string
  doc?: Record<string, unknown>
}) => boolean | Promise<boolean>

export type FieldCells = Readonly<Record<RoleKey, boolean | FieldRule>>

const cells = (cell: Cell): RoleCells =>
  Object.fromEntries(ROLE_KEYS.map((role) => [role, cell])) as Record<RoleKey, Cell>

/** Nobody through the API; only the server's own code (Local API with overrideAccess). */
export const nobody: RoleCells = cells(false)
/** Everyone, signed in or not. */
export const everyone: RoleCells = cells(true)
/** The organizing committee: editors and admins. */
export const editors: RoleCells = { ...nobody, editor: true, admin: true }
/** Admins only. */
export const admins: RoleCells = { ...nobody, admin: true }
/** The people who use the admin: admins, editors and reviewers. */
export const staff: RoleCells = { ...editors, reviewer: true }
/** Any account. */
export const signedIn: RoleCells = { ...everyone, anonymous: false }

export const fieldCells = (cell: boolean | FieldRule): FieldCells =>
  Object.fromEntries(ROLE_KEYS.map((role) => [role, cell])) as Record<RoleKey, boolean | FieldRule>
