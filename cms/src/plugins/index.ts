import { certificatesPlugin } from '@exemplar/plugin-certificates'
import { objectionsPlugin } from '@exemplar/plugin-objections'
import { participantsPlugin } from '@exemplar/plugin-participants'
import { resultsPlugin } from '@exemplar/plugin-results'
import { campaignExpertScores, reviewPlugin } from '@exemplar/plugin-review'
import { freshnessPlugin } from '@exemplar/plugin-freshness'
import { searchPlugin } from '@exemplar/plugin-search'
import { submissionsPlugin } from '@exemplar/plugin-submissions'
import { verifiedVoterContact, votingPlugin } from '@exemplar/plugin-voting'
import { workflowPlugin } from '@exemplar/plugin-workflow'
import type { Plugin } from 'payload'

import { accessTablePlugin } from '../access/accessTablePlugin'
import { apiGuardsPlugin } from '../apiGuards'
import { sitePublicUrl } from '../env'
import { certificateSigningKey } from '../lib/certificateKey'
import { refreezeResults, revokeByWorkflow } from '../lib/objectionActions'
import { PAGE_TAG_SOURCES } from '../lib/pageTags'
import { printPdf } from '../lib/printPdf'
import {
  awardHolders,
  recordCertificateOnEntry,
  verifiedMediaPartners,
} from '../lib/certificateHolders'
import { jsonAsTextPlugin } from './jsonAsText'
import { PUBLIC_ENTRY_STATES, VOTABLE_ENTRY_STATES } from '@exemplar/domain'
import { ARRAY_ROWS, rowLabel } from '../lib/arrayRows'
import { isEditorRole, roleOf } from '../lib/roles'
import { outboxSms } from '../sms'

const isEditor = (user: unknown) => isEditorRole(roleOf(user))
// One SMS sender for voter codes and confirmations; a provider would replace the outbox here.
const sendSms = outboxSms()

/** Every plugin's configuration in one list; payload.config.ts only composes. */
export const plugins: Plugin[] = [
  submissionsPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    media: 'media',
    publicStates: PUBLIC_ENTRY_STATES,
    isEditor,
    sendSms,
  }),
  participantsPlugin({
    organizations: 'organizations',
    users: 'users',
    campaigns: 'campaigns',
    media: 'media',
    isEditor,
  }),
  workflowPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    users: 'users',
    isEditor,
    historyAdmin: {
      labels: ARRAY_ROWS.history,
      components: { RowLabel: rowLabel('HistoryRowLabel') },
    },
  }),
  votingPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    votableStates: VOTABLE_ENTRY_STATES,
    rankedStates: PUBLIC_ENTRY_STATES,
    isEditor,
    sendSms,
  }),
  // After the plugins that add entry fields (history, screening flags), so blind review hides them too.
  reviewPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    users: 'users',
    organizations: 'organizations',
    media: 'media',
    isEditor,
  }),
  // The results rank what review scored and voting counted; review's normalization is handed over here.
  resultsPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    organizations: 'organizations',
    users: 'users',
    rankedStates: PUBLIC_ENTRY_STATES,
    expertScores: campaignExpertScores,
    isEditor,
  }),
  // Certificates are issued from what the results froze, and revoked with their entry.
  certificatesPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    users: 'users',
    holdersOf: awardHolders,
    recordOnEntry: recordCertificateOnEntry,
    partnersOf: verifiedMediaPartners,
    signingKey: certificateSigningKey,
    printPdf,
    siteUrl: sitePublicUrl,
    isEditor,
  }),
  // Objections in publicity: an upheld one revokes through the workflow and freezes the results again.
  objectionsPlugin({
    entries: 'entries',
    campaigns: 'campaigns',
    users: 'users',
    media: 'media',
    revokeEntry: revokeByWorkflow,
    refreeze: refreezeResults,
    isEditor,
    // A reader without an account objects under the address the voting code proved.
    verifiedContact: verifiedVoterContact,
    sendSms,
  }),
  // The gallery's search over what the public reads: the same states the entries' read rule opens.
  searchPlugin({ publicStates: PUBLIC_ENTRY_STATES }),
  // After every plugin whose collections show on public pages: their changes reach each site process.
  freshnessPlugin({ sources: PAGE_TAG_SOURCES }),
  // Last: the access table and the API guards cover every collection the plugins above added.
  accessTablePlugin(),
  apiGuardsPlugin(),
  jsonAsTextPlugin(),
]
