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
  'nav.switchLabel': '（切换到英文版）',
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
  'vote.button': '投票',
  'vote.buttonLabel': '为“{title}”投票',
  'vote.sending': '正在投票…',
  'vote.counted': '投票成功，感谢参与！',
  'vote.duplicate': '今天已为该作品投过票，明天可以再投。',
  'vote.remaining': '今日还可投 {n} 票。',
  'vote.network': '网络异常，投票未完成，请稍后重试。',
  'vote.failed': '投票未成功，请稍后重试。',
  'vote.cancelled': '未完成身份验证，本次未投票。',
  'vote.noscript': '投票需要启用浏览器的 JavaScript。',
  'vote.leaderboard': '查看投票排行榜',
  'voter.title': '验证身份后投票',
  'voter.intro':
    '为保证投票公正，每位读者需用邮箱或手机验证码验证一次身份，30 天内有效。邮箱和手机号仅用于验证，不会公开。',
  'voter.channel': '验证码发送方式',
  'voter.byEmail': '邮箱',
  'voter.bySms': '手机短信',
  'voter.mobile': '手机号码',
  'voter.email': '邮箱地址',
  'voter.sendCode': '获取验证码',
  'voter.sending': '正在发送…',
  'voter.sent': '验证码已发送至 {masked}，10 分钟内有效。',
  'voter.code': '6 位数字验证码',
  'voter.verify': '验证并投票',
  'voter.verifying': '正在验证…',
  'voter.changeEmail': '换一个邮箱或手机号',
  'voter.cancel': '取消',
  'leaderboard.link': '投票排行榜',
  'leaderboard.title': '{campaign} · 投票排行榜',
  'leaderboard.description': '{campaign}公众投票实时排行：按作品、机构和省份查看得票。',
  'leaderboard.by': '排行方式',
  'leaderboard.byEntry': '按作品',
  'leaderboard.byOrganization': '按机构',
  'leaderboard.byProvince': '按省份',
  'leaderboard.caption': '{by}得票排行',
  'leaderboard.rank': '排名',
  'leaderboard.entry': '作品',
  'leaderboard.organization': '机构',
  'leaderboard.province': '省份',
  'leaderboard.votes': '得票数',
  'leaderboard.empty': '暂无排行数据。',
  'leaderboard.live': '排行每 5 秒自动更新。',
  'leaderboard.static': '刷新页面可查看最新排行。',
  'leaderboard.updated': '更新于 {time}',
  'leaderboard.rounded': '票数按 {n} 票取整显示。',
  'leaderboard.delayed': '票数延迟 {n} 分钟显示。',
  'leaderboard.trend': '得票走势',
  'leaderboard.chart': '前 {n} 名作品得票走势',
  'leaderboard.chartText': '前 {n} 名作品按小时累计的得票数，{from} 至 {to}（北京时间）。',
  'leaderboard.chartEmpty': '暂无逐时投票记录，有新投票后将显示走势图。',
  'share.button': '分享',
  'share.copied': '链接已复制，可粘贴到微信或其他应用分享。',
  'share.shared': '已分享。',
  'share.manual': '无法自动复制，请复制以下链接：',
  'share.link': '分享链接',
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
  'nav.switchLabel': ' (switch to Chinese)',
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
  'vote.button': 'Vote',
  'vote.buttonLabel': 'Vote for “{title}”',
  'vote.sending': 'Voting…',
  'vote.counted': 'Your vote is counted. Thank you!',
  'vote.duplicate': 'You have already voted for this entry today; you can vote again tomorrow.',
  'vote.remaining': '{n} vote(s) left today.',
  'vote.network': 'Network error: the vote was not sent. Please try again.',
  'vote.failed': 'The vote did not go through. Please try again later.',
  'vote.cancelled': 'Verification was not completed; no vote was cast.',
  'vote.noscript': 'Voting needs JavaScript enabled in your browser.',
  'vote.leaderboard': 'See the leaderboard',
  'voter.title': 'Verify to vote',
  'voter.intro':
    'To keep the vote fair, each reader verifies once with a code sent by email or text message; it lasts 30 days. Your address or number is only used for verification and is never shown.',
  'voter.channel': 'Send the code by',
  'voter.byEmail': 'Email',
  'voter.bySms': 'Text message',
  'voter.mobile': 'Mobile number',
  'voter.email': 'Email address',
  'voter.sendCode': 'Send code',
  'voter.sending': 'Sending…',
  'voter.sent': 'A code was sent to {masked}; it is valid for 10 minutes.',
  'voter.code': 'Six-digit code',
  'voter.verify': 'Verify and vote',
  'voter.verifying': 'Verifying…',
  'voter.changeEmail': 'Use another address',
  'voter.cancel': 'Cancel',
  'leaderboard.link': 'Leaderboard',
  'leaderboard.title': '{campaign} · Leaderboard',
  'leaderboard.description':
    'Live public vote ranking of {campaign}, by entry, institution and province.',
  'leaderboard.by': 'Rank by',
  'leaderboard.byEntry': 'Entries',
  'leaderboard.byOrganization': 'Institutions',
  'leaderboard.byProvince': 'Provinces',
  'leaderboard.caption': 'Leaderboard: {by}',
  'leaderboard.rank': 'Rank',
  'leaderboard.entry': 'Entry',
  'leaderboard.organization': 'Institution',
  'leaderboard.province': 'Province',
  'leaderboard.votes': 'Votes',
  'leaderboard.empty': 'No ranking yet.',
  'leaderboard.live': 'The ranking updates every 5 seconds.',
  'leaderboard.static': 'Reload the page for the latest ranking.',
  'leaderboard.updated': 'Updated {time}',
  'leaderboard.rounded': 'Counts are rounded down to {n} votes.',
  'leaderboard.delayed': 'Counts are shown with a {n}-minute delay.',
  'leaderboard.trend': 'Votes over time',
  'leaderboard.chart': 'Votes of the top {n} entries over time',
  'leaderboard.chartText':
    'Cumulative votes per hour of the top {n} entries, {from} to {to} (Beijing time).',
  'leaderboard.chartEmpty': 'No hourly vote records yet; the chart appears with new votes.',
  'share.button': 'Share',
  'share.copied': 'Link copied; paste it into WeChat or any app to share.',
  'share.shared': 'Shared.',
  'share.manual': 'Could not copy automatically; copy this link:',
  'share.link': 'Link to share',
}

export type MessageKey = Key

/** Dictionaries by locale; a key missing in English falls back to Chinese, never to the raw key. */
export const messages: Record<Locale, Partial<Record<Key, string>>> = { zh, en }

export function t(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(messages[locale][key] ?? zh[key], params)
}

/** `{name}` placeholders filled from `params`; unknown ones are left as written. */
export function interpolate(template: string, params: Record<string, string | number>): string {
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

/** The locale of a page from its <html lang>, for client scripts. */
export function localeFromLang(lang: string | null | undefined): Locale {
  return (lang ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh'
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
