import type { CampaignDef, ContactDef, LegalTermDef, OrganizerDef, TrackDef } from '../types'
import { at, endOfDay } from './shanghai'

/**
 * Seed 003 is a news report, not a call for entries: the 2024 基层科学诊疗惠及百姓、
 * 合理用药科普视频征集 launched in July 2024 and closed with a summary
 * conference in Beijing on 2024-12-13. Requirements are our assumptions.
 */

const organizers: OrganizerDef[] = [
  { role: 'host', name: '国家卫生健康委员会百姓健康频道（CHTV）' },
  { role: 'supporter', name: '好医生集团' },
  { role: 'supporter', name: '好医生强强组合事业部' },
]

const contacts: ContactDef[] = [
  {
    name: '陈老师',
    organization: '活动组委会',
    phone: '010-5555-0401',
    email: 'jiceng-kepu@example.org',
  },
]

const legalTerms: LegalTermDef[] = [
  {
    key: 'originality',
    title: '原创与科学性',
    text: '视频须由参与医生本人或所在机构原创，内容科学准确，符合诊疗规范和合理用药原则。',
  },
  {
    key: 'content',
    title: '内容规范',
    text: '视频不得出现患者可识别的个人信息，不得推销具体药品、保健品或医疗服务。',
  },
  {
    key: 'licence',
    title: '传播授权',
    text: '提交即同意主办方在频道及合作平台上无偿播放、剪辑和转发作品，用于公益健康科普；著作权仍归作者所有。',
  },
]

const tracks: TrackDef[] = [
  {
    key: 'video',
    name: '基层科学诊疗与合理用药科普视频',
    description:
      '基层医务人员围绕常见病、多发病、慢性病的科学诊疗和合理用药，面向居民录制的科普短视频。',
    kind: 'video',
    requirements: {
      allowedFileKinds: ['mp4'],
      maxFileBytes: 2 * 1024 * 1024 * 1024,
      maxDurationSeconds: 180,
      requiresText: true,
      notes:
        '原报道未给出作品规格，平台按 mp4 格式、不超过 2 GB、时长不超过 3 分钟设置，并要求附上视频文字稿。',
    },
    // The notice names no number of awards: the demo's stated rule is at most 30 % of the track.
    tiers: [{ key: 'excellent', name: '基层科普践行者', kind: 'share', value: 30 }],
  },
]

export const jicengKepuShipin2024: CampaignDef = {
  slug: 'jiceng-kepu-shipin-2024',
  series: 'jiceng-kepu-shipin',
  title: '2024“健康中国行动——基层科学诊疗惠及百姓，合理用药科普视频征集”',
  year: 2024,
  summary:
    '面向全国基层医务人员征集科学诊疗与合理用药科普视频，3000 余名基层医生参与，12 月在北京举行活动总结大会。',
  description: [
    '基层医疗卫生机构是守护居民健康的第一道关口。为提升基层医务人员对常见病、多发病和慢性病的诊疗与健康管理能力，提高基层合理用药水平，国家卫生健康委员会百姓健康频道（CHTV）于 2024 年 7 月发起本次科普视频征集，好医生集团及其强强组合事业部提供公益支持。',
    '活动邀请社区卫生服务站、乡村诊所、医务室和基层药店的医生、药师，用几分钟的短视频把科学诊疗和合理用药的知识讲给身边的居民听，让医生在治病之外也成为健康知识的传播者。',
    '征集得到基层的广泛响应，全国 3000 余名基层医生参与其中。2024 年 12 月 13 日，活动总结大会在北京举行，百余名基层医生代表作为“基层科普践行者”受邀参会，交流科普实践中的经验和体会。',
    '原始材料是一篇会议报道，没有列出作品规格和各阶段的具体日期；本平台上的作品要求与时间安排是据此整理的演示设定。',
  ],
  sourceNotice: '003',
  organizers,
  contacts,
  legalTerms,
  phases: [
    {
      kind: 'submission',
      label: '科普视频征集',
      startsAt: at('2024-07-01'),
      endsAt: endOfDay('2024-11-15'),
    },
    {
      kind: 'screening',
      label: '作品审核',
      startsAt: at('2024-07-15'),
      endsAt: endOfDay('2024-11-20'),
    },
    {
      kind: 'display',
      label: '优秀视频展播',
      startsAt: at('2024-08-01'),
      endsAt: endOfDay('2024-12-31'),
    },
    {
      kind: 'review',
      label: '专家评审',
      startsAt: at('2024-11-21'),
      endsAt: endOfDay('2024-12-06'),
    },
    {
      kind: 'results',
      label: '“基层科普践行者”名单发布',
      startsAt: at('2024-12-10'),
      endsAt: endOfDay('2024-12-31'),
    },
    {
      kind: 'summary',
      label: '活动总结大会（北京）',
      startsAt: at('2024-12-13', '09:00'),
      endsAt: at('2024-12-13', '18:00'),
    },
  ],
  tracks,
  themes: [],
  posts: [
    {
      slug: 'summary-conference-2024',
      title: '基层合理用药科普视频征集活动总结大会在京举行',
      publishedAt: at('2024-12-13', '18:00'),
      excerpt:
        '12 月 13 日，2024 基层科学诊疗与合理用药科普视频征集活动在北京召开总结大会，百余名基层医生代表到会交流科普心得。',
      paragraphs: [
        '12 月 13 日，2024“健康中国行动——基层科学诊疗惠及百姓，合理用药科普视频征集”活动总结大会在北京召开。这项由国家卫生健康委员会百姓健康频道（CHTV）主办、好医生集团公益支持的活动自 7 月启动以来，吸引了全国 3000 余名基层医生参与。',
        '主办方代表在致辞中指出，在健康信息铺天盖地、真假难辨的今天，把科学、准确的健康知识送到群众身边尤为重要。健康媒体应主动承担社会责任，为基层医务人员赋能，今后还将借助人工智能等新技术，让科普传播更高效。公益支持单位代表则谈到，医药企业应与医疗机构和医务人员携手，倡导以预防为主的“大健康”理念，共同提升全民健康素养。',
        '会上，多位专家围绕医护人员如何在科普中找到乐趣、医养结合背景下基层医疗机构的机遇与挑战、功能医学理念在基层慢病管理中的应用等话题作了分享，强调了预防为主和有效科普对提升居民健康水平的作用。',
        '来自社区卫生服务站、企业医务室、乡村诊所和基层药店的基层医生代表讲述了自己在日常诊疗中开展健康科普的经历。与会的百余名“基层科普践行者”表示，参与征集不仅锻炼了业务能力，也让他们更加确信：医生不只要治好病，还要把正确的健康知识讲给居民听。',
        '总结大会回顾了一年来基层服务能力提升的成果，也为下一步持续深耕基层、推动健康中国行动落地凝聚了共识。',
      ],
    },
  ],
}
