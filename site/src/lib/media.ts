/**
 * Media as the pages need it. Payload returns same-origin URLs such as
 * /api/media/file/x.png, which the site serves through its /api proxy.
 */
import type { Entry, Media } from '@exemplar/cms/payload-types'

import { formatBytes } from './format'

export interface ImageSources {
  src: string
  srcset?: string
  sizes?: string
  width?: number
  height?: number
  alt: string
}

export function isImage(media: Media): boolean {
  return (media.mimeType ?? '').startsWith('image/')
}

/**
 * The image at a given preferred size ('card' for grids, 'hero' for an entry
 * page), with the other generated sizes offered through srcset.
 */
export function imageSources(
  media: Media,
  preferred: 'card' | 'hero',
  fallbackAlt: string,
  sizes = preferred === 'card'
    ? '(min-width: 60rem) 20rem, 100vw'
    : '(min-width: 60rem) 52rem, 100vw',
): ImageSources | undefined {
  if (!isImage(media) || !media.url) {
    return undefined
  }
  const variants = [media.sizes?.card, media.sizes?.hero]
    .filter((v): v is { url: string; width: number; height?: number | null } =>
      Boolean(v?.url && v.width),
    )
    .sort((a, b) => a.width - b.width)
  const chosen = media.sizes?.[preferred]?.url ? media.sizes[preferred] : undefined
  const width = chosen?.width ?? media.width ?? undefined
  const height = chosen?.height ?? media.height ?? undefined
  return {
    src: chosen?.url ?? media.url,
    srcset:
      variants.length > 0 ? variants.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined,
    sizes: variants.length > 0 ? sizes : undefined,
    width: width ?? undefined,
    height: height ?? undefined,
    alt: media.alt?.trim() || fallbackAlt,
  }
}

/** The first image attached to an entry, for its card. */
export function firstImage(
  entry: Pick<Entry, 'attachments'>,
): { media: Media; caption?: string | null } | undefined {
  for (const attachment of entry.attachments ?? []) {
    if (typeof attachment.file === 'object' && attachment.file && isImage(attachment.file)) {
      return { media: attachment.file, caption: attachment.caption }
    }
  }
  return undefined
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPT',
  'video/mp4': 'MP4',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/x-m4a': 'M4A',
  'audio/wav': 'WAV',
}

/** "PDF, 1.2MB" for a download link. */
export function fileDescription(media: Media): string {
  const type = TYPE_NAMES[media.mimeType ?? ''] ?? media.mimeType ?? ''
  const size = media.filesize ? formatBytes(media.filesize) : ''
  return [type, size].filter(Boolean).join(', ')
}
