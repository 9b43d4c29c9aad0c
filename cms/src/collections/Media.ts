import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { accessFor } from '../access/accessFor'
import { isEditorField } from '../access/isEditor'
import { dataDir } from '../env'
import { l } from '../lib/label'
import { idOf } from '../lib/roles'

/** The allow-list of upload types. Setting it replaces Payload's block-list, so it is the whole list. */
export const MEDIA_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'video/mp4',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
]

/** ~50 MP: far above any camera photo, far below what a decompression bomb needs. */
export const MAX_INPUT_PIXELS = 50_000_000

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: l('媒体文件', 'Media file'), plural: l('媒体文件', 'Media') },
  admin: { group: l('内容', 'Content'), useAsTitle: 'filename' },
  access: accessFor('media'),
  // A copy would carry another submitter's files past the attachment and quota checks.
  disableDuplicate: true,
  upload: {
    staticDir: path.join(dataDir, 'media'),
    mimeTypes: MEDIA_MIME_TYPES,
    // Fetching a file from a URL the public names is an SSRF door.
    pasteURL: false,
    // Constructor options make Payload re-encode the original, which drops EXIF (GPS included).
    constructorOptions: { limitInputPixels: MAX_INPUT_PIXELS },
    // JPEG, not WebP: WeChat's link preview reads the hero as og:image, and
    // the three sizes of a 3 MB photo cost ~90 ms to make against ~510 ms.
    imageSizes: [
      {
        name: 'thumbnail',
        width: 320,
        height: 240,
        position: 'centre',
        formatOptions: { format: 'jpeg', options: { quality: 78 } },
      },
      { name: 'card', width: 640, formatOptions: { format: 'jpeg', options: { quality: 80 } } },
      { name: 'hero', width: 1280, formatOptions: { format: 'jpeg', options: { quality: 82 } } },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: false,
  },
  hooks: {
    beforeChange: [
      // The uploader owns the file. Only editors may name another owner: the field's access
      // drops a client's value, so for everyone else this is the signed-in user.
      ({ data, operation, req }) => {
        if (
          operation === 'create' &&
          (data.owner === undefined || data.owner === null) &&
          idOf(req.user) !== undefined
        ) {
          return { ...data, owner: idOf(req.user) }
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'alt', label: l('替代文字', 'Alt text'), type: 'text', maxLength: 200 },
    { name: 'caption', label: l('说明', 'Caption'), type: 'textarea', maxLength: 1_000 },
    {
      name: 'owner',
      label: l('上传者', 'Uploaded by'),
      type: 'relationship',
      relationTo: 'users',
      index: true,
      // Ownership decides who reads a private upload, whose quota it counts against and
      // which entries it may be attached to: never the client's to set.
      access: { create: isEditorField, update: isEditorField },
      admin: { readOnly: true },
    },
  ],
}
