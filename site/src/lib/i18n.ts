/**
 * UI strings, Chinese first. English pages live under /en (see middleware.ts);
 * campaign content itself is not translated.
 */
export type Locale = 'zh' | 'en'

export const LOCALES: readonly Locale[] = ['zh', 'en']
export const DEFAULT_LOCALE: Locale = 'zh'

const zh = {
  'site.name': 'Exemplar 征集平台',
  'site.tagline': '卫生健康领域案例与作品公开征集',
  'nav.home': '首页',
  'nav.skip': '跳到主要内容',
  'nav.main': '主导航',
  'nav.breadcrumbs': '当前位置',
  'punct.colon': '：',
  'nav.switch': 'English',
  'nav.switchLabel': '切换到英文版',
  'footer.note': '本平台展示的作品由报送单位和作者提供，版权归原作者所有。',
  'home.title': '征集活动',
  'home.current': '正在进行的征集',
  'home.noCurrent': '目前没有正在进行的征集活动。',
  'home.archive': '往届活动',
  'home.noArchive': '暂无往届活动。',
  'home.yearHeading': '{year} 年',
  'campaign.year': '{year} 年度',
  'campaign.openPhases': '当前阶段',
  'campaign.upcoming': '即将开始',
  'campaign.finished': '已结束',
  'campaign.about': '活动介绍',
  'campaign.organizers': '组织架构',
  'campaign.timeline': '活动时间线',
  'campaign.tracks': '作品类别与报送要求',
  'campaign.themes': '征集主题',
  'campaign.terms': '报送须知',
  'campaign.contacts': '联系方式',
  'campaign.voting': '投票规则',
  'campaign.news': '活动动态',
  'campaign.entries': '展示作品',
  'campaign.allEntries': '查看全部作品',
  'campaign.noEntries': '暂无公开展示的作品。',
  'campaign.source': '来源',
  'phase.closed': '已结束',
  'phase.open': '进行中',
  'phase.upcoming': '未开始',
  'track.kind': '作品形式',
  'track.requirements': '报送要求',
  'track.quota': '奖项名额',
  'track.rubric': '评审标准',
  'track.weight': '权重 {weight}',
  'track.maxScore': '满分 {max} 分',
  'contact.phone': '电话',
  'contact.email': '邮箱',
  'voting.perEntryPerDay': '每人每天可为每件作品投 {n} 票',
  'voting.dailyCap': '每人每天最多投 {n} 票',
  'voting.noCap': '每日总票数不设上限',
  'entries.title': '{campaign} · 全部作品',
  'entries.allTracks': '全部类别',
  'entries.filterTracks': '按作品类别筛选',
  'entries.count': '共 {n} 件作品',
  'entries.none': '暂无作品。',
  'theme.subThemes': '子主题',
  'theme.entries': '本主题作品',
  'theme.parent': '上级主题',
  'entry.number': '作品编号',
  'entry.campaign': '所属活动',
  'entry.track': '作品类别',
  'entry.theme': '征集主题',
  'entry.status': '状态',
  'entry.institution': '报送机构',
  'entry.location': '所在地',
  'entry.authors': '作者',
  'entry.abstract': '摘要',
  'entry.body': '正文',
  'entry.attachments': '附件',
  'entry.download': '下载',
  'entry.image': '图{n}',
  'entry.votes': '得票数',
  'entry.votesCount': '{n} 票',
  'entry.award': '奖项',
  'entry.certificate': '证书编号 {n}',
  'entry.details': '作品信息',
  'news.published': '发布于 {date}',
  'news.back': '返回活动页',
  'pagination.label': '分页',
  'pagination.prev': '上一页',
  'pagination.next': '下一页',
  'pagination.page': '第 {page} 页',
  'pagination.status': '第 {page} / {total} 页',
  'error.notFound': '页面不存在',
  'error.notFoundText': '您访问的页面不存在，或内容尚未公开。',
  'error.backHome': '返回首页',
  'error.unavailable': '内容暂时无法加载',
  'error.unavailableText': '内容服务暂时不可用，请稍后再试。',
}

type Key = keyof typeof zh

const en: Partial<Record<Key, string>> = {
  'site.name': 'Exemplar Collection Platform',
  'site.tagline': 'Public case and work collections in health',
  'nav.home': 'Home',
  'nav.skip': 'Skip to main content',
  'nav.main': 'Main',
  'nav.breadcrumbs': 'Breadcrumbs',
  'punct.colon': ': ',
  'nav.switch': '中文',
  'nav.switchLabel': 'Switch to Chinese',
  'footer.note':
    'Works on this platform are provided by the submitting institutions and authors, who keep their copyright.',
  'home.title': 'Campaigns',
  'home.current': 'Open campaigns',
  'home.noCurrent': 'No campaign is open at the moment.',
  'home.archive': 'Past campaigns',
  'home.noArchive': 'No past campaigns yet.',
  'home.yearHeading': '{year}',
  'campaign.year': '{year} edition',
  'campaign.openPhases': 'Current phase',
  'campaign.upcoming': 'Starting soon',
  'campaign.finished': 'Finished',
  'campaign.about': 'About',
  'campaign.organizers': 'Organizers',
  'campaign.timeline': 'Timeline',
  'campaign.tracks': 'Tracks and requirements',
  'campaign.themes': 'Themes',
  'campaign.terms': 'Terms for submitters',
  'campaign.contacts': 'Contacts',
  'campaign.voting': 'Voting rule',
  'campaign.news': 'News',
  'campaign.entries': 'Entries on display',
  'campaign.allEntries': 'All entries',
  'campaign.noEntries': 'No entries on public display yet.',
  'campaign.source': 'Source',
  'phase.closed': 'Closed',
  'phase.open': 'Open',
  'phase.upcoming': 'Upcoming',
  'track.kind': 'Kind',
  'track.requirements': 'Requirements',
  'track.quota': 'Award quota',
  'track.rubric': 'Review criteria',
  'track.weight': 'weight {weight}',
  'track.maxScore': 'max {max} points',
  'contact.phone': 'Phone',
  'contact.email': 'Email',
  'voting.perEntryPerDay': 'Each voter may cast {n} vote(s) per entry per day',
  'voting.dailyCap': 'At most {n} votes per voter per day',
  'voting.noCap': 'No daily cap on total votes',
  'entries.title': '{campaign} · All entries',
  'entries.allTracks': 'All tracks',
  'entries.filterTracks': 'Filter by track',
  'entries.count': '{n} entries',
  'entries.none': 'No entries yet.',
  'theme.subThemes': 'Sub-themes',
  'theme.entries': 'Entries in this theme',
  'theme.parent': 'Parent theme',
  'entry.number': 'Entry number',
  'entry.campaign': 'Campaign',
  'entry.track': 'Track',
  'entry.theme': 'Theme',
  'entry.status': 'Status',
  'entry.institution': 'Institution',
  'entry.location': 'Location',
  'entry.authors': 'Authors',
  'entry.abstract': 'Abstract',
  'entry.body': 'Body',
  'entry.attachments': 'Attachments',
  'entry.download': 'Download',
  'entry.image': 'image {n}',
  'entry.votes': 'Votes',
  'entry.votesCount': '{n} votes',
  'entry.award': 'Award',
  'entry.certificate': 'Certificate {n}',
  'entry.details': 'Details',
  'news.published': 'Published {date}',
  'news.back': 'Back to the campaign',
  'pagination.label': 'Pagination',
  'pagination.prev': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page}',
  'pagination.status': 'Page {page} of {total}',
  'error.notFound': 'Page not found',
  'error.notFoundText': 'This page does not exist or is not public yet.',
  'error.backHome': 'Back to the home page',
  'error.unavailable': 'Content unavailable',
  'error.unavailableText': 'The content service is unavailable. Please try again later.',
}

export type MessageKey = Key

/** Dictionaries by locale; a key missing in English falls back to Chinese, never to the raw key. */
export const messages: Record<Locale, Partial<Record<Key, string>>> = { zh, en }

export function t(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = messages[locale][key] ?? zh[key]
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh' || value === 'en'
}

/** A site path in the given locale: English pages carry the /en prefix. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`
  if (locale === 'zh') {
    return clean
  }
  return clean === '/' ? '/en' : `/en${clean}`
}

/** The value of <html lang>. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en'
}

/** The English site is the same routes under /en; the rest of the path picks the page. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/en' || pathname.startsWith('/en/')) {
    return { locale: 'en', path: pathname.slice(3) || '/' }
  }
  return { locale: 'zh', path: pathname }
}

/** The same page in the other language, for the header's switch. */
export function alternatePath(pathname: string): string {
  const { locale, path } = splitLocale(pathname)
  return localePath(locale === 'zh' ? 'en' : 'zh', path)
}
