import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, getPayload, type Payload } from 'payload'

import { reviewPlugin } from '../src'

export interface Host {
  payload: Payload
  dir: string
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar, as the official plugin template's `dev/`
 * config is: other slugs (`works`, `contests`, `members`, `institutions`,
 * `uploads`), other field names (`state`, `contest`, `category`, `people`,
 * `region`), a `role` text field. Transactions on, as the CMS has them.
 */
export async function bootHost(name: string): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `review-host-${name}-`))
  const config = buildConfig({
    secret: 'review-host-secret',
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
        access: { read: () => true },
        fields: [
          { name: 'name', type: 'text' },
          { name: 'role', type: 'text' },
          { name: 'institution', type: 'relationship', relationTo: 'institutions' },
        ],
      },
      {
        slug: 'institutions',
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'region', type: 'text' },
        ],
      },
      {
        slug: 'uploads',
        access: { read: () => true },
        upload: { staticDir: path.join(dir, 'uploads') },
        fields: [{ name: 'note', type: 'text' }],
      },
      {
        slug: 'contests',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'slug', type: 'text' },
          {
            name: 'timeline',
            type: 'array',
            fields: [
              { name: 'kind', type: 'text', required: true },
              { name: 'startsAt', type: 'date', required: true },
              { name: 'endsAt', type: 'date', required: true },
            ],
          },
          {
            name: 'categories',
            type: 'array',
            fields: [
              { name: 'key', type: 'text', required: true },
              { name: 'name', type: 'text', required: true },
              {
                name: 'rubric',
                type: 'array',
                fields: [
                  { name: 'key', type: 'text' },
                  { name: 'label', type: 'text' },
                  { name: 'weight', type: 'number' },
                  { name: 'maxScore', type: 'number' },
                  { name: 'description', type: 'text' },
                ],
              },
            ],
          },
        ],
      },
      {
        slug: 'works',
        access: {
          read: ({ req }) => {
            const user = req.user as { id?: number; role?: string } | null
            if (user?.role === 'reviewer') {
              return { panel: { in: [user.id!] } }
            }
            return Boolean(user)
          },
        },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'code', type: 'text' },
          { name: 'state', type: 'text', required: true, defaultValue: 'review' },
          { name: 'contest', type: 'relationship', relationTo: 'contests', required: true },
          { name: 'category', type: 'text', required: true },
          { name: 'summary', type: 'textarea' },
          {
            name: 'parts',
            type: 'array',
            fields: [
              { name: 'heading', type: 'text' },
              { name: 'body', type: 'textarea' },
            ],
          },
          {
            name: 'files',
            type: 'array',
            fields: [
              { name: 'file', type: 'upload', relationTo: 'uploads' },
              { name: 'caption', type: 'text' },
            ],
          },
          { name: 'people', type: 'array', fields: [{ name: 'name', type: 'text' }] },
          {
            type: 'row',
            fields: [
              { name: 'institution', type: 'relationship', relationTo: 'institutions' },
              { name: 'region', type: 'text' },
            ],
          },
          { name: 'author', type: 'relationship', relationTo: 'members' },
        ],
      },
    ],
    plugins: [
      reviewPlugin({
        entries: 'works' as never,
        campaigns: 'contests' as never,
        users: 'members' as never,
        organizations: 'institutions' as never,
        media: 'uploads' as never,
        slugs: {
          pools: 'panels-pool',
          reviews: 'scorecards',
          conflicts: 'recusals',
          reminders: 'nudges',
        },
        fields: {
          campaign: 'contest',
          track: 'category',
          status: 'state',
          title: 'name',
          number: 'code',
          abstract: 'summary',
          sections: 'parts',
          attachments: 'files',
          submitter: 'author',
          organization: 'institution',
          province: 'region',
          authors: 'people',
          reviewers: 'panel',
          reviewScore: 'score',
          tracks: 'categories',
          phases: 'timeline',
          userOrganization: 'institution',
          organizationProvince: 'region',
        },
        blindEntryFields: ['people', 'institution', 'region', 'author'],
        publicBlindFields: ['people', 'institution'],
        blindMediaFields: ['filename', 'url', 'thumbnailURL', 'note'],
        jobsQueue: 'nudge',
        isEditor: (user) => (user as { role?: string } | null)?.role === 'chair',
        isAdmin: (user) => (user as { email?: string } | null)?.email === 'admin@host.example',
      }),
    ],
  })
  const payload = await getPayload({ config, key: `review-host-${name}` })
  return {
    payload,
    dir,
    cleanup: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
