import type {
  CampaignDef,
  ContactDef,
  LegalTermDef,
  OrganizerDef,
  ResultsSettingsDef,
  ThemeDef,
  TrackDef,
  VotingRuleDef,
} from '../types'
import { at, endOfDay } from './shanghai'

/** Seed 000: 健康中国 医者先行 案例征集与交流研讨活动 (2021-11 – 2022-12). */

export const yizheOrganizers: OrganizerDef[] = [
  { role: 'guide', name: '健康中国行动推进委员会办公室' },
  { role: 'host', name: '健康报社有限公司' },
  { role: 'coHost', name: '中国医院协会' },
  { role: 'coHost', name: '中国医师协会' },
  { role: 'coHost', name: '中华医学会' },
  { role: 'coHost', name: '中华预防医学会' },
]

/** Fictional contacts; the notice's real ones are deliberately left out. */
export const yizheContacts: ContactDef[] = [
  {
    name: '张老师',
    organization: '健康报社 活动组委会',
    phone: '010-5555-0101',
    email: 'yizhe-xianxing@example.org',
  },
  {
    name: '李老师',
    organization: '健康报社 活动组委会',
    phone: '010-5555-0102',
    email: 'yizhe-cases@example.org',
  },
]

export const yizheLegalTerms: LegalTermDef[] = [
  {
    key: 'content',
    title: '内容规范',
    text: '报送单位应先行把关案例内容，案例中不得出现色情低俗、暴力血腥、违反法律法规或泄露个人隐私的信息，也不得借案例为药品、平台等做商业宣传。不符合征集要求的案例将被取消参与资格。',
  },
  {
    key: 'originality',
    title: '原创声明',
    text: '案例须为报送单位或个人的原创成果，内容真实可靠，不得抄袭、拼凑或虚构。',
  },
  {
    key: 'rights',
    title: '第三方权利',
    text: '案例不得侵犯任何第三方的著作权、肖像权、名誉权、隐私权等合法权益。因内容违法或侵权引发的争议、索赔或诉讼，由作者自行承担法律责任，主办方不承担责任。',
  },
  {
    key: 'licence',
    title: '作品使用授权',
    text: '报送即视为已取得报送单位及制作者的同意：组委会可在本次活动的宣传展示中无偿使用所报送的案例，不另行支付费用。报送材料一律不退还，请自行留存底稿。',
  },
  {
    key: 'fees',
    title: '费用',
    text: '参与本次活动不收取任何费用。',
  },
  {
    key: 'other',
    title: '最终解释权',
    text: '活动组委会负责活动的组织协调，并对本活动规则享有最终解释权。提交案例即表示报送单位及作者同意并遵守以上各项规定。',
  },
]

export const yizheTracks: TrackDef[] = [
  {
    key: 'case',
    name: '典型案例（图文类）',
    description:
      '以文字为主、可配少量图片的机构实践案例，介绍医疗卫生机构、专业公共卫生机构在践行健康中国行动中的创新举措和亮点做法。',
    kind: 'text-image',
    requirements: {
      bodyMaxChars: 2000,
      maxImages: 5,
      requiredSections: ['工作目标', '主要举措', '推广情况'],
      allowedFileKinds: ['image'],
      notes:
        '正文不超过 2000 字，配图不超过 5 张。特别鼓励借助互联网和数字化手段精准便民惠民，面向特定人群开展全流程健康科普宣教，帮助群众理解疾病与治疗方式、提高依从性。作品审核通过后不能再修改。',
    },
    // The notice names no number of awards: the demo's stated rule is at most 30 % of the track.
    tiers: [{ key: 'excellent', name: '优秀案例', kind: 'share', value: 30 }],
  },
]

const ACTIONS = [
  '健康知识普及行动',
  '合理膳食行动',
  '全民健身行动',
  '控烟行动',
  '心理健康促进行动',
  '健康环境促进行动',
  '妇幼健康促进行动',
  '中小学健康促进行动',
  '职业健康保护行动',
  '老年健康促进行动',
  '心脑血管疾病防治行动',
  '癌症防治行动',
  '慢性呼吸系统疾病防治行动',
  '糖尿病防治行动',
  '传染病及地方病防控行动',
]

/** The fifteen special actions of 健康中国行动, codes a01…a15. */
export const yizheThemes: ThemeDef[] = ACTIONS.map((title, i) => ({
  code: `a${String(i + 1).padStart(2, '0')}`,
  title,
}))

export const yizheVoting: VotingRuleDef = { perEntryPerDay: 1, dailyCap: 10 }

/** Seed 000 names excellent organizing institutions beside the excellent cases. */
export const yizheResults: ResultsSettingsDef = {
  organizers: { enabled: true, minEntries: 1, minAwarded: 1, limit: 5 },
}

export const yizheXianxing2022: CampaignDef = {
  slug: 'yizhe-xianxing-2022',
  series: 'yizhe-xianxing',
  title: '“健康中国 医者先行”案例征集与交流研讨活动',
  year: 2022,
  summary:
    '面向全国医疗卫生机构和专业公共卫生机构，围绕健康中国行动 15 个专项行动征集践行健康中国的典型案例，并开展网络展示、公众投票与培训交流。',
  description: [
    '党的十八大以来，健康中国上升为国家战略，健康中国行动在各地全面铺开。医疗卫生机构和医务人员既是这项行动的实施者，也理应是带头践行者。为此，健康报社在健康中国行动推进委员会办公室指导下，联合中国医院协会、中国医师协会、中华医学会、中华预防医学会，发起“健康中国 医者先行”案例征集与交流研讨活动。',
    '活动分为几条线：医务人员可以入驻“健康中国医者名片”、机构可以入驻健康中国健康号，在线签署“医者先行”倡议书；各地机构通过自荐或由各省推荐的方式，围绕健康中国行动的 15 个专项行动报送图文案例，展示在实际工作中形成的创新举措和亮点做法。',
    '案例以文字为主，不超过 2000 字，最多配 5 张图片，须写清工作目标、主要举措和推广情况。活动尤其欢迎运用互联网和数字化技术精准服务群众、面向特定人群开展全流程健康科普的实践。报送数量不设上限。',
    '2022 年 4 月起组委会对报送案例陆续审核，审核通过的案例在健康中国行动专网和健康中国客户端展示，7 月 1 日至 31 日接受公众网络投票与转发。7 月至 9 月视疫情防控要求分区域开展医务人员科普能力提升培训和机构经验交流。',
    '年底经组委会评审后举行总结交流，发布优秀案例和优秀组织机构名单，优秀作品将通过健康中国行动专网、健康中国客户端、健康报等平台融合传播。',
  ],
  sourceNotice: '000',
  results: yizheResults,
  organizers: yizheOrganizers,
  contacts: yizheContacts,
  legalTerms: yizheLegalTerms,
  phases: [
    {
      kind: 'registration',
      label: '组织动员与在线签署倡议书',
      startsAt: at('2021-11-01'),
      endsAt: at('2022-06-30'),
    },
    {
      kind: 'submission',
      label: '典型案例上报',
      startsAt: at('2021-11-01'),
      endsAt: at('2022-06-30'),
    },
    {
      kind: 'screening',
      label: '案例审核',
      startsAt: at('2022-04-01'),
      endsAt: endOfDay('2022-07-31'),
    },
    {
      kind: 'display',
      label: '网络展示',
      startsAt: at('2022-04-01'),
      endsAt: endOfDay('2022-07-31'),
    },
    {
      kind: 'voting',
      label: '公众网络投票与转发',
      startsAt: at('2022-07-01'),
      endsAt: endOfDay('2022-07-31'),
    },
    {
      kind: 'training',
      label: '科普能力提升培训与经验交流',
      startsAt: at('2022-07-01'),
      endsAt: endOfDay('2022-09-30'),
    },
    {
      kind: 'review',
      label: '组委会评审',
      startsAt: at('2022-10-01'),
      endsAt: endOfDay('2022-11-30'),
    },
    {
      kind: 'results',
      label: '发布优秀案例与优秀组织机构名单',
      startsAt: at('2022-12-01'),
      endsAt: endOfDay('2022-12-31'),
    },
    {
      kind: 'summary',
      label: '总结研讨',
      startsAt: at('2022-12-15'),
      endsAt: endOfDay('2022-12-31'),
    },
  ],
  tracks: yizheTracks,
  themes: yizheThemes,
  voting: yizheVoting,
}
