import { entryTokens, foldText } from '@exemplar/domain'
import type { searchStoreOf } from '@exemplar/plugin-search'

/**
 * Generated Chinese text for search tests and benchmarks: words of health
 * promotion (with Latin, punctuation and a blank among them), so queries
 * of every length have many true hits and many near misses.
 */
export const HEALTH_WORDS = [
  ...'合理膳食 行动 健康中国 基层 医疗 卫生 慢病 管理 家庭医生 签约 随访 糖尿病 高血压 儿童 口腔 健康'.split(
    ' ',
  ),
  ...'科普 视频 AI辅助 筛查 县域 医共体 护理 中医药 康复 疫苗 接种 心理 服务 App 数字化 膳食'.split(
    ' ',
  ),
  ...'合理 食行 理膳 村卫生室 乡镇卫生院 随访率 患者 团队 模式'.split(' '),
  '，',
  '。',
  ' ',
]

/** A seeded generator of numbers in [0, 1): the same text on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

/** About `chars` characters of words drawn with `next`. */
export function healthText(next: () => number, chars: number): string {
  let out = ''
  while (out.length < chars) {
    out += HEALTH_WORDS[Math.floor(next() * HEALTH_WORDS.length)]
  }
  return out
}

type SearchDoc = Parameters<ReturnType<typeof searchStoreOf>['put']>[1]

/** A generated entry as the search index holds it: one campaign a year, one track, no award. */
export function generatedSearchDoc(
  d: { id: number; year: number; province: string | null; fields: string[] },
  campaignPrefix: string,
): SearchDoc {
  return {
    entryId: d.id,
    campaignId: d.year,
    campaignSlug: `${campaignPrefix}-${d.year}`,
    campaignTitle: `生成活动 ${d.year}`,
    year: d.year,
    track: 'case',
    trackName: '图文案例',
    themeId: null,
    themeTitle: null,
    province: d.province,
    award: null,
    awardRank: 0,
    createdAt: new Date(Date.UTC(2026, 0, 1) + d.id).toISOString(),
    tokens: entryTokens(d.fields),
    folded: d.fields.map(foldText).join('\n'),
  }
}
