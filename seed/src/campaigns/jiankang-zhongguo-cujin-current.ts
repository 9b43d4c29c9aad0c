import type { CampaignDef } from '../types'
import {
  cujinContacts,
  cujinLegalTerms,
  cujinOrganizers,
  cujinThemes,
  cujinTracks,
} from './jiankang-zhongguo-cujin-2024'
import { shanghaiYear, shift } from './shanghai'

/** A new edition of the 健康中国促进大会 case collection, currently in publicity (公示). */
export function jiankangZhongguoCujinCurrent(now: Date): CampaignDef {
  const year = shanghaiYear(now)
  const d = (days: number, time?: string) => shift(now, days, time)
  return {
    slug: `jiankang-zhongguo-cujin-${year}`,
    series: 'jiankang-zhongguo-cujin',
    title: `${year}健康中国促进大会暨健康中国实践典型案例征集推广`,
    year,
    summary: `${year}健康中国实践典型案例专家评审已结束，入选名单正在公示，入选案例将在健康中国促进大会上点赞发布。`,
    description: [
      `新华网继续主办、中国健康管理协会提供学术支持，面向全国征集${year}健康中国实践典型案例，挖掘各地各单位在卫生健康事业、公立医院和卫生健康产业高质量发展中的创新模式和实践成果。`,
      '本届沿用三个方向、13 个细分主题。申报已经截止，专家评审已经完成，入选名单正在公示；公示期内如发现弄虚作假，将撤销入选资格。',
      '评审结束后，入选案例将在新华网线上专题和大会展览专区展示，收入年度案例汇编，并在健康中国促进大会上举行点赞发布仪式，邀请案例代表分享经验。',
    ],
    sourceNotice: '002',
    organizers: cujinOrganizers,
    contacts: cujinContacts,
    legalTerms: cujinLegalTerms,
    phases: [
      { kind: 'submission', label: '案例征集与申报', startsAt: d(-60), endsAt: d(-32) },
      { kind: 'screening', label: '形式审核', startsAt: d(-31), endsAt: d(-26) },
      { kind: 'review', label: '专家评审', startsAt: d(-25), endsAt: d(-6) },
      { kind: 'publicity', label: '入选名单公示', startsAt: d(-3), endsAt: d(4) },
      { kind: 'display', label: '新华网线上展示专题', startsAt: d(25), endsAt: d(120) },
      {
        kind: 'results',
        label: '大会现场点赞发布与案例汇编发布',
        startsAt: d(25, '09:00'),
        endsAt: d(60),
      },
    ],
    tracks: cujinTracks,
    themes: cujinThemes,
    review: {
      blind: 'open',
      publicIdentity: true,
      sameProvince: true,
      k: 3,
      normalization: 'none',
    },
  }
}
