import type { CollectionConfig } from 'payload'

import type { ResolvedFreshnessOptions } from './types'

/**
 * One row per change: the tags of the pages it shows on, stamped when the
 * change's transaction wrote it. Only the plugin's hooks write rows and only
 * its prune deletes them; the site reads them through
 * `GET /api/freshness/changes`, never through the collection.
 */
export function pageChangesCollection(options: ResolvedFreshnessOptions): CollectionConfig {
  return {
    slug: options.slug,
    labels: {
      singular: { zh: '页面变更', en: 'Page change' },
      plural: { zh: '页面变更', en: 'Page changes' },
    },
    admin: {
      group: { zh: '系统', en: 'System' },
      useAsTitle: 'tags',
      defaultColumns: ['tags', 'createdAt'],
      description: {
        zh: '每次改动影响的公开页面标签；各站点进程据此在数秒内刷新页面缓存，保留 15 分钟',
        en: 'The public pages each change shows on; site processes drop those pages within seconds. Kept 15 minutes.',
      },
    },
    // A host with an access table replaces these; without one, tags name public pages only.
    access: {
      read: () => true,
      create: () => false,
      update: () => false,
      delete: () => false,
      readVersions: () => false,
    },
    timestamps: true,
    fields: [
      {
        name: 'tags',
        label: { zh: '页面标签', en: 'Page tags' },
        type: 'text',
        required: true,
        maxLength: 4_000,
        admin: { readOnly: true },
      },
    ],
  }
}
