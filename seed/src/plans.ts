/**
 * How many entries of each state every campaign series gets, per track: the
 * shape of the demo data, apart from the database writes.
 */
import type { EntryPlan } from './entries'
import type { CampaignDef } from './types'

/**
 * Entry number prefixes (作品编号前缀, unique per campaign: the current
 * edition's `code`, the past edition's `archiveCode`) and the per-track plan
 * of entry states, for each campaign series.
 */
export const SERIES: Record<
  string,
  { code: string; archiveCode: string; archive: EntryPlan; current?: EntryPlan }
> = {
  'yizhe-xianxing': {
    code: 'YZ',
    archiveCode: 'YZA',
    archive: [{ awarded: 10, accepted: 18, rejected: 5, revoked: 1 }],
    current: [{ draft: 4, submitted: 5, screening: 5, returned: 3, rejected: 3, voting: 22 }],
  },
  nixingzhe: {
    code: 'NX',
    archiveCode: 'NXA',
    archive: [
      { awarded: 5, accepted: 18, rejected: 3 },
      { awarded: 2, accepted: 8, rejected: 1 },
    ],
    current: [
      { draft: 2, submitted: 4, screening: 2, accepted: 3 },
      { draft: 1, submitted: 2, accepted: 1 },
    ],
  },
  // Seed 001's grassroots photo special: only its current edition, in publicity.
  'nixingzhe-jiceng': {
    code: 'NJ',
    archiveCode: 'NJA',
    archive: [],
    current: [{ publicity: 4, review: 14, rejected: 2 }],
  },
  'jiankang-zhongguo-cujin': {
    code: 'CJ',
    archiveCode: 'CJA',
    archive: [{ awarded: 12, accepted: 14, rejected: 4 }],
    current: [{ publicity: 6, review: 6, rejected: 3 }],
  },
  'jiceng-kepu-shipin': {
    code: 'JC',
    archiveCode: 'JC',
    // Seed 003 is a report of a finished campaign: an archive edition only.
    archive: [{ awarded: 6, accepted: 14, rejected: 2 }],
  },
  yigongti: {
    code: 'YG',
    archiveCode: 'YGA',
    archive: [
      { awarded: 8, accepted: 6, rejected: 2, revoked: 1 },
      { awarded: 3, accepted: 4 },
      { awarded: 3, accepted: 4 },
      { awarded: 3, accepted: 4, rejected: 1 },
    ],
    current: [
      { review: 12, accepted: 2, screening: 1, rejected: 2 },
      { review: 3, accepted: 1 },
      { review: 3 },
      { review: 3 },
    ],
  },
}

export function seriesOf(campaign: CampaignDef) {
  const series = SERIES[campaign.series]
  if (!series) {
    throw new Error(`No entry plan for campaign series "${campaign.series}"`)
  }
  return series
}
