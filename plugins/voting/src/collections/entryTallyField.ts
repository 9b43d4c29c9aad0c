import type { Field } from 'payload'

import { maskTally } from '../hooks/maskTally'
import type { ResolvedVotingOptions } from '../types'

/**
 * The tally the plugin keeps on each entry. Only the vote path writes it
 * (through the store, not through this field's access), editors may correct
 * it, and the public reads it only as its campaign shows it.
 */
export function entryTallyField(options: ResolvedVotingOptions): Field {
  const editors = ({ req }: { req: { user?: unknown } }) => options.isEditor(req.user)
  return {
    name: options.tallyField,
    label: { zh: '得票数', en: 'Votes' },
    type: 'number',
    defaultValue: 0,
    index: true,
    access: { create: editors, update: editors },
    hooks: { afterRead: [maskTally(options)] },
    admin: { readOnly: true, position: 'sidebar' },
  }
}
