import { votingPlugin } from '@exemplar/plugin-voting'
import type { Plugin } from 'payload'

/** Every plugin's configuration in one list; payload.config.ts only composes. */
export const plugins: Plugin[] = [votingPlugin({ entries: 'entries', campaigns: 'campaigns' })]
