/**
 * The query parameters of the public read routes, checked before anything is
 * looked up or cached: every cache key is built from these checked values,
 * and every check is a length cap or a linear pattern on a capped string.
 */
export const MAX_SLUG_LENGTH = 100
export const MAX_TRACK_LENGTH = 64
export const LEADERBOARD_LIMIT = { default: 50, max: 200 } as const
export const SERIES_TOP = { default: 5, max: 10 } as const

export type BoardGrouping = 'entry' | 'organization' | 'province'

export interface ParamError {
  code: string
  error: string
}

export interface BoardParams {
  slug: string
  by: BoardGrouping
  track: string | undefined
  theme: string | undefined
  limit: number
}

// A SQLite integer id or a MongoDB ObjectId; the string is capped at 24 before it is tested.
const THEME_ID = /^(?:\d{1,15}|[a-f0-9]{24})$/i
const GROUPINGS: readonly string[] = ['entry', 'organization', 'province']

function slugOf(query: URLSearchParams): string | ParamError {
  const slug = query.get('campaign') ?? ''
  return slug.length > MAX_SLUG_LENGTH
    ? { code: 'invalid_campaign', error: `活动标识（campaign）最多 ${MAX_SLUG_LENGTH} 个字符。` }
    : slug
}

export function boardParams(query: URLSearchParams): BoardParams | ParamError {
  const slug = slugOf(query)
  if (typeof slug !== 'string') {
    return slug
  }
  const by = query.get('by') ?? 'entry'
  if (!GROUPINGS.includes(by)) {
    return { code: 'invalid_by', error: '排行方式（by）只能是 entry、organization 或 province。' }
  }
  const track = query.get('track') ?? undefined
  if (track !== undefined && track.length > MAX_TRACK_LENGTH) {
    return { code: 'invalid_track', error: `作品类别（track）最多 ${MAX_TRACK_LENGTH} 个字符。` }
  }
  const theme = query.get('theme') ?? undefined
  if (theme !== undefined && (theme.length > 24 || !THEME_ID.test(theme))) {
    return { code: 'invalid_theme', error: '征集主题（theme）须为主题的 ID。' }
  }
  const asked = Number(query.get('limit') ?? LEADERBOARD_LIMIT.default)
  const limit = Math.min(
    Math.max(Math.trunc(asked) || LEADERBOARD_LIMIT.default, 1),
    LEADERBOARD_LIMIT.max,
  )
  return { slug, by: by as BoardGrouping, track, theme, limit }
}

export function seriesParams(query: URLSearchParams): { slug: string; top: number } | ParamError {
  const slug = slugOf(query)
  if (typeof slug !== 'string') {
    return slug
  }
  const raw = query.get('top')
  const top = raw === null ? SERIES_TOP.default : Number(raw)
  if ((raw !== null && !/^\d{1,2}$/.test(raw)) || top < 1 || top > SERIES_TOP.max) {
    return { code: 'invalid_top', error: `条数（top）须为 1 到 ${SERIES_TOP.max} 的整数。` }
  }
  return { slug, top }
}

export const isParamError = (value: object): value is ParamError => 'code' in value

/** A board or filter the host's entries cannot answer (its `boardFields` turned it off), or `null`. */
export function unavailableBoard(
  fields: { organization: unknown; province: unknown; track: unknown; theme: unknown },
  params: BoardParams,
): ParamError | null {
  if (params.by !== 'entry' && fields[params.by] === false) {
    return {
      code: 'invalid_by',
      error: `本站的排行榜不按${params.by === 'organization' ? '机构' : '省份'}排行（by）。`,
    }
  }
  if (params.track !== undefined && fields.track === false) {
    return { code: 'invalid_track', error: '本站的排行榜不按作品类别（track）筛选。' }
  }
  if (params.theme !== undefined && fields.theme === false) {
    return { code: 'invalid_theme', error: '本站的排行榜不按征集主题（theme）筛选。' }
  }
  return null
}
