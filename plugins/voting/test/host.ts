import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, getPayload, type Payload } from 'payload'

import { votingPlugin } from '../src'

export interface Host {
  payload: Payload
  texts: { to: string; text: string }[]
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar, as the official plugin template's `dev/`
 * config is: other slugs (`works`, `contests`, `members`), other state names,
 * no organizations, none of the core's fields beyond what the options say.
 */
export async function bootHost(name: string): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `voting-host-${name}-`))
  const texts: { to: string; text: string }[] = []
  const config = buildConfig({
    secret: 'voting-host-secret',
    telemetry: false,
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'host.db')}` } }),
    admin: { user: 'members' },
    collections: [
      {
        slug: 'members',
        auth: true,
        fields: [{ name: 'staff', type: 'checkbox' }],
      },
      {
        slug: 'contests',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'slug', type: 'text', required: true, unique: true },
          {
            name: 'phases',
            type: 'array',
            fields: [
              { name: 'kind', type: 'text', required: true },
              { name: 'startsAt', type: 'date', required: true },
              { name: 'endsAt', type: 'date', required: true },
            ],
          },
        ],
      },
      {
        slug: 'works',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'number', type: 'text', unique: true },
          { name: 'status', type: 'text', required: true },
          { name: 'campaign', type: 'relationship', relationTo: 'contests', required: true },
        ],
      },
    ],
    plugins: [
      votingPlugin({
        entries: 'works',
        campaigns: 'contests',
        users: 'members',
        votableStates: ['shown'],
        rankedStates: ['shown'],
        tallyField: 'likes',
        boardFields: { organization: false, province: false, track: false, theme: false },
        votingPhase: 'poll',
        isEditor: (user) => Boolean((user as { staff?: boolean } | null)?.staff),
        sendSms: async (to, text) => {
          texts.push({ to, text })
        },
      }),
    ],
  })
  const payload = await getPayload({ config, key: `voting-host-${name}` })
  return {
    payload,
    texts,
    cleanup: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
