/**
 * Shaping campaign data for pages: the home page's current/archive split,
 * organizers by role, the theme tree, and track rules spelled out the way the
 * campaigns' own notices write them.
 */
import type { Campaign, Theme } from '@exemplar/cms/payload-types'

import { describeTier, labelOf, phaseState, PROVINCE_LABELS, shanghaiYear } from '@exemplar/domain'

import { formatBytes, formatDuration } from './format'
import type { Locale } from '../i18n'
import {
  FILE_KIND_LABELS,
  ORGANIZER_ROLE_LABELS,
  PHASE_LABELS,
  TRACK_KIND_LABELS,
  type OrganizerRole,
  type PhaseKind,
  type Track,
} from './labels'

type Phase = NonNullable<Campaign['phases']>[number]

/**
 * A campaign is current while a phase is open or still to come. Without a
 * timeline the year decides: this year's and later editions are current.
 */
export function isCurrent(campaign: Campaign, now: Date = new Date()): boolean {
  if ((campaign.openPhases ?? []).length > 0) {
    return true
  }
  const phases = campaign.phases ?? []
  if (phases.length === 0) {
    return campaign.year >= shanghaiYear(now)
  }
  return phases.some((phase) => phaseState(phase, now) !== 'closed')
}

export interface HomeCampaigns {
  current: Campaign[]
  archive: { year: number; campaigns: Campaign[] }[]
}

export function splitCampaigns(
  campaigns: readonly Campaign[],
  now: Date = new Date(),
): HomeCampaigns {
  const current = campaigns.filter((c) => isCurrent(c, now))
  const byYear = new Map<number, Campaign[]>()
  for (const campaign of campaigns) {
    if (!isCurrent(campaign, now)) {
      byYear.set(campaign.year, [...(byYear.get(campaign.year) ?? []), campaign])
    }
  }
  const archive = [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({ year, campaigns: list }))
  return { current, archive }
}

/** The current phases, in the timeline's order, as the server decided them at read time. */
export function openPhases(campaign: Campaign): PhaseKind[] {
  const open = new Set(campaign.openPhases ?? [])
  const ordered = (campaign.phases ?? []).map((p) => p.kind).filter((kind) => open.has(kind))
  return [...new Set([...ordered, ...open])]
}

export function organizersByRole(
  campaign: Campaign,
  roles: readonly OrganizerRole[] = Object.keys(ORGANIZER_ROLE_LABELS) as OrganizerRole[],
): { role: OrganizerRole; names: string[] }[] {
  const organizers = campaign.organizers ?? []
  return roles
    .map((role) => ({
      role,
      names: organizers.filter((o) => o.role === role).map((o) => o.name),
    }))
    .filter((group) => group.names.length > 0)
}

export interface ThemeNode {
  theme: Theme
  children: ThemeNode[]
}

const parentId = (theme: Theme): number | undefined =>
  theme.parent === null || theme.parent === undefined
    ? undefined
    : typeof theme.parent === 'object'
      ? theme.parent.id
      : theme.parent

/** Themes as a tree (area → sub-themes), keeping the CMS order at each level. */
export function themeTree(themes: readonly Theme[]): ThemeNode[] {
  const ids = new Set(themes.map((t) => t.id))
  const nodes = new Map<number, ThemeNode>(themes.map((t) => [t.id, { theme: t, children: [] }]))
  const roots: ThemeNode[] = []
  for (const theme of themes) {
    const node = nodes.get(theme.id)!
    const parent = parentId(theme)
    // A parent outside this campaign's list is treated as missing rather than dropping the theme.
    if (parent !== undefined && ids.has(parent) && parent !== theme.id) {
      nodes.get(parent)!.children.push(node)
    } else {
      roots.push(node)
    }
  }
  return roots
}

/** A theme and all of its descendants, for "entries in this theme". */
export function themeWithDescendants(themes: readonly Theme[], root: Theme): Theme[] {
  const result: Theme[] = [root]
  const seen = new Set([root.id])
  for (let i = 0; i < result.length; i++) {
    const current = result[i]!
    for (const theme of themes) {
      if (parentId(theme) === current.id && !seen.has(theme.id)) {
        seen.add(theme.id)
        result.push(theme)
      }
    }
  }
  return result
}

/** The parent chain of a theme, outermost first, for breadcrumbs. */
export function themeAncestors(themes: readonly Theme[], theme: Theme): Theme[] {
  const byId = new Map(themes.map((t) => [t.id, t]))
  const chain: Theme[] = []
  let parent = parentId(theme)
  while (parent !== undefined && !chain.some((t) => t.id === parent)) {
    const next = byId.get(parent)
    if (!next) {
      break
    }
    chain.unshift(next)
    parent = parentId(next)
  }
  return chain
}

export function trackByKey(campaign: Campaign, key: string): Track | undefined {
  return (campaign.tracks ?? []).find((track) => track.key === key)
}

const positive = (n: number | null | undefined): n is number => typeof n === 'number' && n > 0

/** Seconds in English: 3 min, 90 s, 2 min 30 s. */
const durationEn = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) {
    return `${rest} s`
  }
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

/**
 * A track's submission requirements as sentences, in the notices' own
 * wording, or in English. Section names and caption elements are the
 * campaign's own words and stay as entered.
 */
export function trackRequirements(track: Track, locale: Locale = 'zh'): string[] {
  const r = track.requirements ?? {}
  const en = locale === 'en'
  const photo = track.kind === 'photo'
  const rules: string[] = []
  if (positive(r.bodyMaxChars)) {
    rules.push(
      en ? `Text of at most ${r.bodyMaxChars} characters` : `正文不超过${r.bodyMaxChars}字`,
    )
  }
  if (positive(r.abstractMaxChars)) {
    rules.push(
      en
        ? `Abstract of at most ${r.abstractMaxChars} characters`
        : `摘要不超过${r.abstractMaxChars}字`,
    )
  } else if (positive(r.abstractTargetChars)) {
    rules.push(
      en
        ? `Abstract of about ${r.abstractTargetChars} characters`
        : `摘要约${r.abstractTargetChars}字`,
    )
  }
  if (r.requiredSections?.length) {
    rules.push(
      en
        ? `Required sections: ${r.requiredSections.join(', ')}`
        : `须包含章节：${r.requiredSections.join('、')}`,
    )
  }
  if (positive(r.maxImages)) {
    rules.push(
      en
        ? `At most ${r.maxImages} images per ${photo ? 'entry' : 'case'}`
        : `每个${photo ? '作品' : '案例'}不超过${r.maxImages}张图片`,
    )
  }
  if (positive(r.minFileBytes)) {
    const size = formatBytes(r.minFileBytes)
    rules.push(
      en
        ? `${photo ? 'Each photo' : 'Each file'} at least ${size}`
        : `${photo ? '每张照片' : '每个文件'}不小于${size}`,
    )
  }
  if (positive(r.maxFileBytes)) {
    const size = formatBytes(r.maxFileBytes)
    rules.push(en ? `Files of at most ${size}` : `文件不超过${size}`)
  }
  if (positive(r.captionMaxChars)) {
    rules.push(
      en
        ? `Caption of at most ${r.captionMaxChars} characters`
        : `文字说明不超过${r.captionMaxChars}字`,
    )
  }
  if (r.captionMustMention?.length) {
    rules.push(
      en
        ? `The caption must state: ${r.captionMustMention.join(', ')}`
        : `文字说明须写明：${r.captionMustMention.join('、')}`,
    )
  }
  if (positive(r.maxDurationSeconds)) {
    const audio = track.kind === 'audio'
    rules.push(
      en
        ? `${audio ? 'Audio' : 'Video'} of at most ${durationEn(r.maxDurationSeconds)}`
        : `${audio ? '音频' : '视频'}时长不超过${formatDuration(r.maxDurationSeconds)}`,
    )
  }
  if (r.allowedFileKinds?.length) {
    const names = r.allowedFileKinds.map((kind) => labelOf(FILE_KIND_LABELS, kind, locale))
    if (en) {
      rules.push(names.length === 1 ? `${names[0]} only` : `File formats: ${names.join(', ')}`)
    } else {
      rules.push(names.length === 1 ? `仅限${names[0]}` : `文件格式：${names.join('、')}`)
    }
  }
  if (r.requiresText) {
    rules.push(en ? 'A written text is required' : '须附文字稿')
  }
  if (r.requiresSlides) {
    rules.push(en ? 'Slides (PPT) are required' : '须附PPT')
  }
  if (r.requiresCopyrightStatement) {
    rules.push(en ? 'A copyright statement is required' : '须附版权声明')
  }
  return rules
}

/** The track's award tiers and quotas as the notices state them (or in English), or undefined when it has none. */
export function trackQuota(track: Track, locale: Locale = 'zh'): string | undefined {
  const tiers = (track.tiers ?? []).filter((t) => t.name && positive(t.value))
  if (tiers.length === 0) {
    return undefined
  }
  return tiers
    .map((t) =>
      describeTier(
        { key: t.key, name: t.name, nameEn: t.nameEn ?? undefined, kind: t.kind, value: t.value },
        locale,
      ),
    )
    .join(locale === 'en' ? '; ' : '；')
}

/**
 * A phase's name: the campaign's own (Chinese) label on Chinese pages, the
 * domain's label for its kind on English ones.
 */
export function phaseName(phase: Pick<Phase, 'kind' | 'label'>, locale: Locale): string {
  return locale === 'zh' && phase.label ? phase.label : labelOf(PHASE_LABELS, phase.kind, locale)
}

/**
 * A track's name. The name is the campaign's own Chinese words; English pages
 * lead with the domain's label for its kind, so a reader knows what it is.
 */
export function trackName(track: Pick<Track, 'kind' | 'name'>, locale: Locale): string {
  return locale === 'zh'
    ? track.name
    : `${labelOf(TRACK_KIND_LABELS, track.kind, locale)} · ${track.name}`
}

/** A province (stored by its Chinese name) in the page's language. */
export function provinceName(province: string | null | undefined, locale: Locale): string {
  return labelOf(PROVINCE_LABELS, province, locale)
}
