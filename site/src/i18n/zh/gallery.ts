/** Chinese UI strings of the gallery (作品库). The key set is the one English must match. */
const zh = {
  'gallery.nav': '作品库',
  'gallery.title': '作品库',
  'gallery.titleQuery': '“{q}”的搜索结果 · 作品库',
  'gallery.description':
    '历届征集活动展示中与获奖的全部作品：按年份、活动、主题、类别、省份与奖项筛选，按标题、摘要与正文搜索。',
  'gallery.lead': '历届征集活动中公开展示与获奖的案例、作品，{n} 件。',
  'gallery.search.label': '搜索作品',
  'gallery.search.placeholder': '标题、摘要或正文中的字词，如“合理膳食”',
  'gallery.search.submit': '搜索',
  'gallery.search.hint': '按原文逐字匹配，不超过 {max} 个字。',
  'gallery.facets': '筛选',
  'gallery.facet.all': '全部',
  'gallery.facet.count': '{n} 件',
  'gallery.clear': '清除全部条件',
  'gallery.sort': '排序',
  'gallery.found': '共 {n} 件',
  'gallery.foundQuery': '“{q}”：共 {n} 件',
  'gallery.empty': '没有符合条件的作品。',
  'gallery.emptyHint': '可减少筛选条件，或换一个更短的词。',
  'gallery.votes': '{n} 票',
  'gallery.numbers.title': '{year} 年作品库',
  'gallery.numbers.entries': '件作品展示中',
  'gallery.numbers.awarded': '件获奖作品',
  'gallery.numbers.provinces': '个省份参与',
  'gallery.numbers.campaigns': '项征集活动',
  'gallery.refused': '无法按此条件查询：{message}',
  'gallery.refusedBack': '返回作品库',
} as const

export default zh
