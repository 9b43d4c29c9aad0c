import type { CampaignDef } from '../types'
import { shanghaiYear, shift } from './shanghai'
import {
  yigongtiContacts,
  yigongtiLegalTerms,
  yigongtiOrganizers,
  yigongtiResults,
  yigongtiTracks,
} from './yigongti-jiandang-2021'

/** A new edition of the 县域医共体 series (seed 004), currently in blind expert review. */
export function yigongtiCurrent(now: Date): CampaignDef {
  const year = shanghaiYear(now)
  const d = (days: number, time?: string) => shift(now, days, time)
  return {
    slug: `yigongti-${year}`,
    series: 'yigongti',
    title: `${year}县域医共体建设优秀案例与作品征集`,
    year,
    summary: `${year}年度县域医共体党建价值案例、原创诗歌、红歌与讲故事视频征集，征集已截止，专家正在匿名评审。`,
    description: [
      '在 2021 年系列征集的基础上，中国医院协会医共体分会继续联合国家人口与健康科学数据中心地方服务中心、健康县域融媒和中国县域医共体网，面向全国县域医共体开展年度优秀案例与作品征集。',
      '本届仍设四个系列：医共体党建价值案例、医共体建设原创诗歌、“唱支红歌给党听”红歌视频和“学党史 讲故事”短视频，报送要求与上届一致。党建价值案例按真实性、创新性、实效性、典型性、变革性五项标准评审。',
      '征集已经截止，专家正在对通过审核的作品进行匿名评审：评审期间专家看不到作者和单位，作品展示也暂不显示作者和单位，作品标题、正文和附件中也不得出现作者姓名和单位名称。评审结束后入选名单将公示，公示期内如发现弄虚作假或以不正当手段入选的，将撤销其入选资格。计划评出优秀价值案例 50 个、讲故事视频 30 个、红歌视频 30 个、原创诗歌 20 首。',
    ],
    sourceNotice: '004',
    organizers: yigongtiOrganizers,
    contacts: yigongtiContacts,
    legalTerms: yigongtiLegalTerms,
    phases: [
      { kind: 'submission', label: '作品征集', startsAt: d(-60), endsAt: d(-30) },
      { kind: 'display', label: '专栏展示', startsAt: d(-30), endsAt: d(20) },
      // Returned entries come back while experts score the rest: screening runs alongside review.
      { kind: 'screening', label: '形式审核与补充材料', startsAt: d(-29), endsAt: d(1, '18:00') },
      { kind: 'review', label: '专家评审', startsAt: d(-8), endsAt: d(2, '18:00') },
      { kind: 'publicity', label: '入选名单公示', startsAt: d(5), endsAt: d(11) },
      { kind: 'results', label: '结果发布与颁证', startsAt: d(12), endsAt: d(25) },
    ],
    review: {
      blind: 'blind',
      publicIdentity: false,
      sameProvince: false,
      k: 3,
      normalization: 'zscore',
    },
    results: yigongtiResults,
    tracks: yigongtiTracks,
    themes: [],
  }
}
