import { votingPlugin } from '@exemplar/plugin-voting'
import type { Plugin } from 'payload'

import { PUBLIC_ENTRY_STATES, VOTABLE_ENTRY_STATES } from '../lib/entryStates'
import { isEditorRole, roleOf } from '../lib/roles'

/** Every plugin's configuration in one list; payload.config.ts only composes. */
export const plugins: Plugin[] = [
  votingPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    votableStates: VOTABLE_ENTRY_STATES,
    rankedStates: PUBLIC_ENTRY_STATES,
    isEditor: (user) => isEditorRole(roleOf(user)),
  }),
]
