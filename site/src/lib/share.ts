/**
 * What a shared link shows: Open Graph and Twitter cards, and the microdata
 * WeChat reads (its in-app browser takes itemprop name/description/image and,
 * failing those, the first image in the page). Scrapers need absolute URLs.
 */
import type { Entry } from '@exemplar/cms/payload-types'

import { firstImage } from './media'
import QRCode from 'qrcode'

export interface ShareImage {
  url: string
  width?: number
  height?: number
  alt: string
}

/** A page's card when shared. Relative URLs are made absolute by the layout. */
export interface ShareMeta {
  title: string
  description?: string | null
  type?: 'website' | 'article'
  image?: ShareImage
  /**
   * The page's canonical address (with its locale prefix) when its query
   * matters, as a leaderboard's ?by= does; otherwise the path without query,
   * so tracking parameters never become part of a shared link.
   */
  path?: string
}

/**
 * The site's public origin: SITE_PUBLIC_URL when set (behind a reverse proxy
 * or CDN the request's own host may be internal), else the request's origin.
 */
export function siteOrigin(requestUrl: URL, configured?: string): string {
  const value = configured?.trim()
  if (value) {
    try {
      return new URL(value).origin
    } catch {
      // A malformed setting is ignored rather than breaking every page.
    }
  }
  return requestUrl.origin
}

export function absoluteUrl(pathOrUrl: string, origin: string): string {
  return new URL(pathOrUrl, `${origin}/`).toString()
}

/** Whitespace collapsed and cut to `max` characters with an ellipsis, for og:description. */
export function shareDescription(text: string | null | undefined, max = 120): string | undefined {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  if (!clean) {
    return undefined
  }
  const chars = [...clean]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean
}

/**
 * The entry's first image for its card: the original upload (re-encoded on
 * upload, so without EXIF), large enough for WeChat's 300 px minimum; the
 * `hero` size when one was generated, being lighter.
 */
export function entryShareImage(
  entry: Pick<Entry, 'attachments' | 'title'>,
): ShareImage | undefined {
  const image = firstImage(entry)
  if (!image?.media.url) {
    return undefined
  }
  const { media } = image
  const hero = media.sizes?.hero
  const chosen = hero?.url ? hero : media
  return {
    url: chosen.url!,
    width: chosen.width ?? undefined,
    height: chosen.height ?? undefined,
    alt: media.alt?.trim() || entry.title,
  }
}

/**
 * The QR code of `url` as an SVG element. Generated here from our own URL,
 * never from reader input, so the page may inline it; M keeps a printed
 * code readable with a scuff on it.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
}
