import type { APIRoute } from 'astro'

import { parseCertificateNumber } from '@exemplar/domain'

/**
 * `/certificates/<number>.pdf`: the printable certificate, which the CMS
 * prints, worded in Chinese or (`?lang=en`) English. Sent through the site's own /api, so a signed-in holder's
 * session reaches the CMS and the holder gets the names in full.
 */
export const GET: APIRoute = ({ params, redirect, url }) => {
  const parsed = parseCertificateNumber(params.number ?? '')
  if (!parsed.ok) {
    return new Response(parsed.message, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  // The English page links here with ?lang=en: the English wording.
  const lang = url.searchParams.get('lang') === 'en' ? '?lang=en' : ''
  return redirect(`/api/certificates/${parsed.number}/pdf${lang}`, 302)
}
