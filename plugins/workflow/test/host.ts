import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, getPayload, type Payload } from 'payload'

import { workflowPlugin, type WorkflowPluginOptions } from '../src'

export interface Host {
  payload: Payload
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar, as the official plugin template's `dev/`
 * config is: other slugs (`works`, `contests`, `members`), other field names
 * (`state`, `author`, `contest`, `name`, `code`), no organizations, a
 * `staff` checkbox for editors. Transactions on, as the CMS has them.
 */
export async function bootHost(
  name: string,
  extra: Partial<WorkflowPluginOptions> = {},
): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `workflow-host-${name}-`))
  const config = buildConfig({
    secret: 'workflow-host-secret',
    telemetry: false,
    db: sqliteAdapter({
      client: { url: `file:${path.join(dir, 'host.db')}` },
      transactionOptions: {},
    }),
    admin: { user: 'members' },
    collections: [
      {
        slug: 'members',
        auth: true,
        fields: [
          { name: 'staff', type: 'checkbox' },
          { name: 'role', type: 'text' },
        ],
      },
      {
        slug: 'contests',
        fields: [
          { name: 'title', type: 'text', required: true },
          {
            name: 'timeline',
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
        access: { read: () => true, update: ({ req }) => Boolean(req.user) },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'code', type: 'text' },
          { name: 'state', type: 'text', required: true, defaultValue: 'draft' },
          { name: 'author', type: 'relationship', relationTo: 'members' },
          { name: 'contest', type: 'relationship', relationTo: 'contests', required: true },
        ],
      },
    ],
    plugins: [
      workflowPlugin({
        entries: 'works' as never,
        campaigns: 'contests' as never,
        users: 'members' as never,
        reasons: 'decline-reasons',
        fields: {
          status: 'state',
          submitter: 'author',
          campaign: 'contest',
          title: 'name',
          number: 'code',
        },
        phasesField: 'timeline',
        jobsQueue: 'mail',
        isEditor: (user) => Boolean((user as { staff?: boolean } | null)?.staff),
        roleOf: (user) => ((user as { staff?: boolean } | null)?.staff ? 'editor' : 'participant'),
        ...extra,
      }),
    ],
  })
  const payload = await getPayload({ config, key: `workflow-host-${name}` })
  return {
    payload,
    cleanup: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
