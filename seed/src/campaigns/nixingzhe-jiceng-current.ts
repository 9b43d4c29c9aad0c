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

/**
 * Seed 001's photo series run earlier this year as a special collection on
 * grassroots health workers: voting and the experts' review are over and
 * its excellent works are in publicity (公示) now, with an objection open.
 * The main current edition (nixingzhe-current.ts) is still taking entries.
 */
export function nixingzheJicengCurrent(now: Date): CampaignDef {
  const year = shanghaiYear(now)
  const d = (days: number, time?: string) => shift(now, days, time)
  return {
    slug: `nixingzhe-jiceng-${year}`,
    series: 'nixingzhe-jiceng',
    title: `${year}最美“逆行者”基层医务人员摄影专项征集`,
    year,
    summary: `${year}基层医务人员摄影专项的公众点赞与专家审核已结束，优秀作品名单正在公示。`,
    description: [
      '专项征集延续“最美逆行者”摄影图片征集的要求，把镜头对准乡镇卫生院、村卫生室和社区卫生服务中心的医务人员：入户随访、巡回义诊、疫苗接种和夜间急诊中的真实瞬间。',
      '作品经初审后上线展示并开放公众点赞，专家组结合点赞排行评出优秀作品，数量原则上不超过报送总量的 20%。',
      '优秀作品名单公示期内，任何人发现作品存在摆拍冒充、盗用他人作品或以不正当手段获得点赞等问题，均可提出异议；查实的撤销入选资格。公示结束后，优秀作品在参与期刊和媒体平台集中推广一个月。',
    ],
    sourceNotice: '001',
    organizers: nixingzheOrganizers,
    contacts: nixingzheContacts,
    legalTerms: nixingzheLegalTerms,
    phases: [
      { kind: 'submission', label: '作品登记与报送', startsAt: d(-80), endsAt: d(-50) },
      { kind: 'screening', label: '作品初审', startsAt: d(-75), endsAt: d(-45) },
      { kind: 'display', label: '作品上线展示', startsAt: d(-44), endsAt: d(120) },
      { kind: 'voting', label: '公众点赞排行', startsAt: d(-44), endsAt: d(-25) },
      { kind: 'review', label: '专家审核', startsAt: d(-24), endsAt: d(-6) },
      { kind: 'publicity', label: '优秀作品名单公示', startsAt: d(-2), endsAt: d(5) },
      { kind: 'results', label: '优秀作品发布与集中推广', startsAt: d(8), endsAt: d(38) },
    ],
    tracks: nixingzheTracks.filter((t) => t.key === 'photo'),
    themes: nixingzheThemes,
    voting: nixingzheVoting,
  }
}
