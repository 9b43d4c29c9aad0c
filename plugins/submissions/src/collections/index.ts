import { optionsFrom } from '@exemplar/domain'
import type { Access, CollectionConfig, Field, FieldAccess, GlobalConfig, Where } from 'payload'

import { inspectDirectUpload } from '../hooks/inspectDirectUpload'
import { limitStoredBytes } from '../hooks/limitStoredBytes'
import { refuseForeignAttachments } from '../hooks/refuseForeignAttachments'
import { requireOpenWindow } from '../hooks/requireOpenWindow'
import { safeFileHeaders } from '../lib/fileHeaders'
import { idOf } from '../lib/ids'
import { SCREENING_WORDS_SLUG } from '../lib/slugs'
import { DEFAULT_PROMOTION_WORDS } from '../screening'
import { SCREENING_FLAG_LABELS, SCREENING_FLAG_ROW } from '../screening/labels'
import type { ResolvedSubmissionsOptions } from '../types'
import { guardSubmission, protectMediaFacts, syncPublicFiles } from './hooks'

const l = (zh: string, en: string) => ({ zh, en })

/** Flags for the editors (personal data, promotion); the submitter never sees them. */
export function screeningFlagsField(isEditor: FieldAccess): Field {
  return {
    name: 'screeningFlags',
    label: l('筛查提示', 'Screening flags'),
    type: 'array',
    labels: { singular: SCREENING_FLAG_ROW, plural: l('筛查提示', 'Screening flags') },
    access: { read: isEditor, create: isEditor, update: isEditor },
    admin: {
      position: 'sidebar',
      readOnly: true,
      components: { RowLabel: '@exemplar/plugin-submissions/client#ScreeningFlagRowLabel' },
      description: l(
        '提交时自动标出的疑似个人信息与商业宣传，仅供审核参考，不会自动拒绝。',
        'Marked automatically at submission for the screening editors; never a refusal.',
      ),
    },
    fields: [
      {
        name: 'kind',
        label: l('类型', 'Kind'),
        type: 'select',
        options: optionsFrom(SCREENING_FLAG_LABELS),
      },
      { name: 'field', label: l('位置', 'Field'), type: 'text' },
      { name: 'excerpt', label: l('摘录', 'Excerpt'), type: 'text' },
    ],
  }
}

/** What the plugin records on a media document it stores. */
export const mediaFactsFields: Field[] = [
  {
    // Every upload by a non-editor (entry files, registration documents) is
    // private until an entry it belongs to goes on display.
    name: 'submissionUpload',
    label: l('参与者上传（未公开）', 'Uploaded by a participant (private)'),
    type: 'checkbox',
    defaultValue: false,
    index: true,
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'onPublicDisplay',
    label: l('所属作品公开展示中', 'Attached to an entry on display'),
    type: 'checkbox',
    defaultValue: false,
    index: true,
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    // The rules need the file as uploaded: a photo must be ≥ 2 MB before the
    // re-encode, and the stored copy may be smaller.
    name: 'submissionFacts',
    label: l('文件检测结果', 'Inspection facts'),
    type: 'json',
    admin: { readOnly: true },
  },
]

/**
 * Participants' uploads are private until the entry they belong to goes on
 * display: an unsubmitted photo (a patient, a ward) must not be reachable by
 * guessing its URL. Files editors upload for pages (not `submissionUpload`) stay public.
 */
function mediaRead(isEditor: (user: unknown) => boolean, original?: Access): Access {
  return async (args) => {
    const { req } = args
    // Narrows the collection's own rule (and any other plugin's), never widens it.
    const base = original ? await original(args) : true
    if (base === false || isEditor(req.user)) {
      return base
    }
    const visible: Where[] = [
      { submissionUpload: { equals: false } },
      { submissionUpload: { exists: false } },
      { onPublicDisplay: { equals: true } },
    ]
    const id = idOf(req.user)
    if (id !== undefined) {
      visible.push({ owner: { equals: id } })
    }
    return base === true ? { or: visible } : { and: [base, { or: visible }] }
  }
}

export function screeningWordsGlobal(isEditor: (user: unknown) => boolean): GlobalConfig {
  const editors: Access = ({ req }) => isEditor(req.user)
  return {
    slug: SCREENING_WORDS_SLUG,
    label: l('筛查词表', 'Screening words'),
    admin: { group: l('征集活动', 'Campaigns') },
    access: { read: editors, update: editors },
    fields: [
      {
        name: 'words',
        label: l('宣传推广用语', 'Promotion words'),
        type: 'text',
        hasMany: true,
        defaultValue: [...DEFAULT_PROMOTION_WORDS],
        admin: {
          description: l(
            '提交时在标题、摘要、正文与图片说明中查找这些词并提示审核人员（不会拒绝作品）。',
            'Looked for in submitted texts to flag for screening; never a refusal.',
          ),
        },
      },
    ],
  }
}

/** The plugin's fields and hooks added to the CMS's entries and media collections. */
export function extendCollections(
  collections: CollectionConfig[],
  options: ResolvedSubmissionsOptions,
): CollectionConfig[] {
  const editorField: FieldAccess = ({ req }) => options.isEditor(req.user)
  const hasField = (c: CollectionConfig, name: string) =>
    c.fields.some((f) => 'name' in f && f.name === name)
  return collections.map((collection) => {
    if (collection.slug === options.entries) {
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeChange: [
            ...(collection.hooks?.beforeChange ?? []),
            requireOpenWindow(options),
            refuseForeignAttachments(options),
            guardSubmission(options),
          ],
          afterChange: [...(collection.hooks?.afterChange ?? []), syncPublicFiles(options)],
        },
        fields: hasField(collection, 'screeningFlags')
          ? collection.fields
          : [...collection.fields, screeningFlagsField(editorField)],
      }
    }
    if (collection.slug === options.media) {
      const upload = typeof collection.upload === 'object' ? collection.upload : {}
      return {
        ...collection,
        // Payload's own file route (`/api/media/file/…`) sends these with every stored file.
        ...(collection.upload
          ? {
              upload: {
                ...upload,
                modifyResponseHeaders: ({ headers }: { headers: Headers }) =>
                  safeFileHeaders(upload.modifyResponseHeaders?.({ headers }) || headers),
              },
            }
          : {}),
        access: {
          ...collection.access,
          read: mediaRead(options.isEditor, collection.access?.read),
        },
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            ...(collection.hooks?.beforeOperation ?? []),
            inspectDirectUpload(options),
          ],
          beforeChange: [
            ...(collection.hooks?.beforeChange ?? []),
            protectMediaFacts(options),
            limitStoredBytes(options),
          ],
        },
        fields: hasField(collection, 'submissionFacts')
          ? collection.fields
          : [...collection.fields, ...mediaFactsFields],
      }
    }
    return collection
  })
}
