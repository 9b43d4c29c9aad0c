import { parseGalleryQuery } from '@exemplar/domain'
import { answerRefusals, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { searchOptionsOf } from '../options'
import { searchGallery } from '../service/search'

/**
 * `GET /api/search?q=&year=&campaign=&track=&theme=&province=&award=&sort=&page=`
 * → `{totalDocs, page, totalPages, limit, docs, facets}`: the gallery's
 * search, public fields only. Every parameter is checked (length first)
 * before the index is asked.
 */
export const searchHandler: PayloadHandler = (req) =>
  answerRefusals(async () => {
    const params = new URLSearchParams(req.url?.split('?')[1] ?? '')
    const parsed = parseGalleryQuery(params)
    if (!parsed.ok) {
      throw new Refusal(400, parsed.problem)
    }
    const page = await searchGallery(req, searchOptionsOf(req.payload.config), parsed.query)
    return new Response(JSON.stringify(page), {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        // Public and the same for everyone; short, so an editor's change shows within seconds.
        'cache-control': 'public, max-age=2',
      },
    })
  })
