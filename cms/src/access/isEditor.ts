import type { Access, FieldAccess } from 'payload'

import { isEditorRole, roleOf } from '../lib/roles'

/** Editors of the organizing committee (and admins). */
export const isEditor: Access = ({ req }) => isEditorRole(roleOf(req.user))

export const isEditorField: FieldAccess = ({ req }) => isEditorRole(roleOf(req.user))
