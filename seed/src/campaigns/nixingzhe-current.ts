import type { CampaignDef } from '../types'
import {
  nixingzheContacts,
  nixingzheLegalTerms,
  nixingzheOrganizers,
  nixingzheThemes,
  nixingzheTracks,
  nixingzheVoting,
} from './nixingzhe-2020'
import { shanghaiYear, shift } from './shanghai'

/** A new edition of the 最美“逆行者” photo and science-print campaign, open for entries now. */
export function nixingzheCurrent(now: Date): CampaignDef {
  const year = shanghaiYear(now)
  const d = (days: number, time?: string) => shift(now, days, time)
  return {
    slug: `nixingzhe-${year}`,
    series: 'nixingzhe',
    title: `${year}最美“逆行者”医疗卫生行业摄影图片与科普作品征集`,
    year,
    summary: `${year}年度征集正在进行：用镜头记录医疗卫生工作者的感人瞬间，同时征集优质的平面医学科普作品。`,
    description: [
      '“最美逆行者”摄影与科普作品征集在 2020 年抗疫期间首次举办，记录下许多奋战一线的医务人员身影。新一届征集继续由医药卫生期刊界联合发起，把镜头对准日常坚守岗位的医生、护士、基层与公共卫生人员和科研工作者。',
      '摄影类每张照片不小于 2 MB，配 150 字以内说明，写清时间、地点、人物和事件；科普类征集海报、折页、手册、一图读懂等平面材料，统一以 PDF 报送。作品须原创，推荐他人作品须事先取得作者授权。',
      '征集截止后，初审通过的作品上线展示并开放公众点赞：每位读者每天可为同一作品点赞 1 次，每天最多 20 次。专家组结合点赞排行评出优秀作品，数量不超过各类报送总量的 20%，并在参与期刊和媒体平台上集中推广。',
    ],
    sourceNotice: '001',
    organizers: nixingzheOrganizers,
    contacts: nixingzheContacts,
    legalTerms: nixingzheLegalTerms,
    phases: [
      { kind: 'registration', label: '合作媒体提交回执表', startsAt: d(-10), endsAt: d(10) },
      { kind: 'submission', label: '作品登记与报送', startsAt: d(-10), endsAt: d(20) },
      { kind: 'screening', label: '作品初审', startsAt: d(-5), endsAt: d(24) },
      { kind: 'display', label: '作品上线展示', startsAt: d(21), endsAt: d(90) },
      { kind: 'voting', label: '公众点赞排行', startsAt: d(21), endsAt: d(40) },
      { kind: 'review', label: '专家审核', startsAt: d(41), endsAt: d(55) },
      { kind: 'results', label: '优秀作品发布与集中推广', startsAt: d(56), endsAt: d(86) },
      { kind: 'summary', label: '作品汇总与存档', startsAt: d(87), endsAt: d(120) },
    ],
    tracks: nixingzheTracks,
    themes: nixingzheThemes,
    voting: nixingzheVoting,
  }
}
