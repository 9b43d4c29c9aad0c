import type { Field } from 'payload'

import type { ResolvedVotingOptions } from '../types'

/** 投票核查: the campaign's integrity report as an admin panel (client/IntegrityPanel.tsx). */
export const integrityPanelField = (options: ResolvedVotingOptions): Field => ({
  name: 'votingIntegrity',
  label: { zh: '投票核查', en: 'Vote integrity' },
  type: 'ui',
  admin: {
    components: {
      Field: {
        path: '@exemplar/plugin-voting/client#IntegrityPanel',
        clientProps: { entries: options.entries, votes: 'votes' },
      },
    },
  },
})
