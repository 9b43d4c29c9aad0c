import { formatEntryNumber, parseEntryNumber, PUBLIC_ENTRY_STATES } from '@exemplar/domain'

import { healthText, seededRandom } from '../helpers/generatedText'

/** A copy of a document's data without the ids of its array rows (each row gets its own). */
function withoutRowIds(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((row) => {
      if (row && typeof row === 'object' && !Array.isArray(row)) {
        const { id: _id, ...rest } = row as Record<string, unknown>
        return withoutRowIds(rest)
      }
      return row
    })
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutRowIds(v)]))
  }
  return value
}

/**
 * Fills the seeded database up to `total` public entries before the CMS
 * starts, as the gallery benchmark needs (the issue measures the gallery on
 * 10,000): each new entry copies a seeded public entry of some campaign
 * (its campaign, track, theme, images, authors and history) with generated
 * title and text, a number of its own, and its own province and votes. Written
 * through the Local API, so every hook runs (numbers, search index, page
 * changes), in one transaction.
 */
export async function addGeneratedEntries(
  env: Record<string, string | undefined>,
  total: number,
): Promise<{ added: number; seconds: number }> {
  Object.assign(process.env, env, { NODE_ENV: 'development' })
  const { default: config } = await import('@exemplar/cms/config')
  const { getPayload, createLocalReq, initTransaction, commitTransaction } = await import('payload')
  const payload = await getPayload({ config, key: 'bench-gallery-entries' })
  try {
    const seeded = await payload.find({
      collection: 'entries',
      where: { status: { in: [...PUBLIC_ENTRY_STATES] } },
      depth: 0,
      limit: 0,
      pagination: false,
    })
    const templates = seeded.docs.filter((d) => parseEntryNumber(d.number) !== null)
    const missing = total - seeded.docs.length
    if (missing <= 0 || templates.length === 0) {
      return { added: 0, seconds: 0 }
    }
    const rnd = seededRandom(15)
    const provinces = ['四川省', '浙江省', '广东省', '云南省', '河南省', '山东省', '湖北省']
    const started = Date.now()
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    for (let i = 0; i < missing; i++) {
      const template = templates[i % templates.length]!
      const parts = parseEntryNumber(template.number)!
      const {
        id: _id,
        createdAt: _created,
        updatedAt: _updated,
        number: _number,
        ...copied
      } = template as typeof template & Record<string, unknown>
      await payload.create({
        collection: 'entries',
        data: {
          ...(withoutRowIds(copied) as object),
          number: formatEntryNumber(parts.year, parts.code, 10_000 + i),
          title: `${healthText(rnd, 14).trim()}（${i + 1}）`.slice(0, 60),
          abstract: healthText(rnd, 160),
          sections: [
            { heading: '主要内容', body: healthText(rnd, 600) },
            { heading: '工作成效', body: healthText(rnd, 300) },
          ],
          province: provinces[i % provinces.length] as never,
          voteCount: Math.floor(rnd() * 2_000),
          award: template.award?.name ? { ...template.award, certificateNumber: null } : {},
        } as never,
        depth: 0,
        req,
      })
    }
    await commitTransaction(req)
    return { added: missing, seconds: (Date.now() - started) / 1000 }
  } finally {
    await payload.destroy()
  }
}
