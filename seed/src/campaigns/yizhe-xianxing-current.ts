import type { CampaignDef } from '../types'
import { shanghaiYear, shift } from './shanghai'
import {
  yizheContacts,
  yizheLegalTerms,
  yizheOrganizers,
  yizheThemes,
  yizheTracks,
  yizheResults,
  yizheVoting,
} from './yizhe-xianxing-2022'

/**
 * The current edition of 健康中国 医者先行, placed around `now` so that
 * submission, screening, display and public voting are all open today.
 */
export function yizheXianxingCurrent(now: Date): CampaignDef {
  const year = shanghaiYear(now)
  const d = (days: number, time?: string) => shift(now, days, time)
  return {
    slug: `yizhe-xianxing-${year}`,
    series: 'yizhe-xianxing',
    title: `${year}年“健康中国 医者先行”案例征集与交流研讨活动`,
    year,
    summary: `${year}年度“医者先行”典型案例征集正在进行：围绕健康中国行动 15 个专项行动报送图文案例，审核通过的案例同步展示并接受公众投票。`,
    description: [
      `“健康中国 医者先行”案例征集延续往年做法，继续由健康报社在健康中国行动推进委员会办公室指导下主办，联合中国医院协会、中国医师协会、中华医学会、中华预防医学会共同推进，面向全国医疗卫生机构和专业公共卫生机构征集${year}年度践行健康中国行动的典型案例。`,
      '机构可以自荐，也可以由各省推荐。案例围绕 15 个专项行动选题，以图文形式报送：正文不超过 2000 字，最多配 5 张图片，须写明工作目标、主要举措和推广情况。报送数量不设上限，鼓励运用数字化手段精准便民惠民的实践。',
      '征集期间，组委会边收边审，审核通过的案例随即上线展示；公众投票已经开启，每位读者每天可为同一案例投 1 票，每天最多投 10 票。案例一经审核即不能再修改，请报送前仔细核对。',
      '投票结束后进入专家评审，入选名单公示无异议后发布优秀案例和优秀组织机构名单，并择机举办总结交流活动。',
    ],
    sourceNotice: '000',
    pledge: true,
    results: yizheResults,
    organizers: yizheOrganizers,
    contacts: yizheContacts,
    legalTerms: yizheLegalTerms,
    phases: [
      { kind: 'registration', label: '组织动员与在线签署倡议书', startsAt: d(-60), endsAt: d(30) },
      { kind: 'submission', label: '典型案例上报', startsAt: d(-60), endsAt: d(30) },
      { kind: 'screening', label: '案例审核', startsAt: d(-20), endsAt: d(40) },
      { kind: 'display', label: '网络展示', startsAt: d(-20), endsAt: d(70) },
      { kind: 'voting', label: '公众网络投票与转发', startsAt: d(-5), endsAt: d(25) },
      { kind: 'review', label: '组委会专家评审', startsAt: d(30), endsAt: d(50) },
      { kind: 'training', label: '科普能力提升培训与经验交流', startsAt: d(35), endsAt: d(65) },
      { kind: 'publicity', label: '入选名单公示', startsAt: d(52), endsAt: d(59) },
      {
        kind: 'results',
        label: '发布优秀案例与优秀组织机构名单',
        startsAt: d(60, '10:00'),
        endsAt: d(90),
      },
      { kind: 'summary', label: '总结研讨', startsAt: d(90), endsAt: d(120) },
    ],
    tracks: yizheTracks,
    themes: yizheThemes,
    voting: yizheVoting,
  }
}
