import type {
  CampaignDef,
  ContactDef,
  LegalTermDef,
  OrganizerDef,
  ResultsSettingsDef,
  RubricCriterionDef,
  TrackDef,
} from '../types'
import { at, endOfDay } from './shanghai'

/** Seed 004: 县域医共体向建党 100 周年献礼系列征集活动 (2021). */

export const yigongtiOrganizers: OrganizerDef[] = [
  { role: 'host', name: '中国医院协会医共体分会' },
  { role: 'coHost', name: '国家人口与健康科学数据中心地方服务中心' },
  { role: 'coHost', name: '健康县域融媒' },
  { role: 'coHost', name: '中国县域医共体网' },
]

/** Fictional contacts; the notice's real one is deliberately left out. */
export const yigongtiContacts: ContactDef[] = [
  {
    name: '刘老师',
    organization: '医共体分会 征集活动组委会',
    phone: '010-5555-0501',
    email: 'yigongti@example.org',
  },
]

export const yigongtiLegalTerms: LegalTermDef[] = [
  {
    key: 'originality',
    title: '原创与真实',
    text: '作品须为原创，内容真实，案例不得虚构或杜撰。已有的往期作品只要切合主题，也欢迎报送。',
  },
  {
    key: 'rights',
    title: '知识产权',
    text: '作品不得涉及知识产权纠纷或其他争议；由此产生的一切法律责任由作品提供方承担。',
  },
  {
    key: 'licence',
    title: '著作权与使用权',
    text: '作品著作权归作者所有，主办方和承办方享有使用权和传播权。报送作品一律不退还，请自行保留备份。',
  },
  {
    key: 'other',
    title: '公示与撤销',
    text: '评审结果将公开公示；发现弄虚作假或以其他不正当手段入选的，撤销其入选资格。',
  },
]

export const yigongtiRubric: RubricCriterionDef[] = [
  {
    key: 'authenticity',
    label: '真实性',
    description: '案例来自医共体建设的真实实践，没有虚构和杜撰。',
    weight: 20,
    maxScore: 10,
  },
  {
    key: 'innovation',
    label: '创新性',
    description: '针对医共体顶层设计和重点、难点问题，方法有创新、工作有创造。',
    weight: 20,
    maxScore: 10,
  },
  {
    key: 'effectiveness',
    label: '实效性',
    description: '对当地医共体建设有明显推动作用，得到上级党组织和党员群众认可。',
    weight: 20,
    maxScore: 10,
  },
  {
    key: 'typicality',
    label: '典型性',
    description: '具有代表性，对其他地区和单位有借鉴意义和应用价值。',
    weight: 20,
    maxScore: 10,
  },
  {
    key: 'transformation',
    label: '变革性',
    description: '案例带来的变革程度。',
    weight: 20,
    maxScore: 10,
  },
]

const TWO_GIB = 2 * 1024 * 1024 * 1024

export const yigongtiTracks: TrackDef[] = [
  {
    key: 'party-case',
    name: '医共体党建价值案例',
    description: '以党建引领县域医共体建设为核心，从不同角度呈现医共体试点的先进经验和取得的成绩。',
    kind: 'document-case',
    requirements: {
      allowedFileKinds: ['doc', 'docx', 'ppt', 'pptx'],
      maxFileBytes: 30 * 1024 * 1024,
      abstractTargetChars: 200,
      abstractMaxChars: 300,
      bodyMaxChars: 3000,
      requiredSections: ['背景', '做法', '成效（数据对比）', '探讨（问题与思考）', '附录'],
      requiresSlides: true,
      requiresCopyrightStatement: true,
      notes:
        '图文 Word 文档（.doc/.docx，30 MB 以内）与 PPT 均为必交项；摘要 200 字左右，正文不超过 3000 字，字号不小于 14 号，并附版权声明。计划征集约 100 个案例，评出优秀价值案例 50 个。',
    },
    // 评出优秀价值案例 50 个, among them the best (专家讨论确定最佳和优秀案例名单): 10 + 40.
    tiers: [
      { key: 'best', name: '最佳价值案例', nameEn: 'Best value case', kind: 'count', value: 10 },
      {
        key: 'excellent',
        name: '优秀价值案例',
        nameEn: 'Excellent value case',
        kind: 'count',
        value: 40,
      },
    ],
    rubric: yigongtiRubric,
  },
  {
    key: 'poem',
    name: '医共体建设原创诗歌',
    description:
      '以光明昂扬为基调，抒写医共体改革的心路历程和对县域医共体建设的坚定信念；现代诗、古体诗词均可。',
    kind: 'poem',
    requirements: {
      allowedFileKinds: ['mp4', 'mp3', 'm4a', 'wav'],
      maxFileBytes: TWO_GIB,
      maxDurationSeconds: 180,
      requiresText: true,
      notes:
        '可提交文字，或视频、音频朗诵，均须附诗歌文本。视频为 mp4、2 GB 以内、不超过 3 分钟；音频不超过 3 分钟、10 MB 以内。音视频须自配背景音乐和字幕，画面清晰、无明显背景噪音。',
    },
    tiers: [{ key: 'excellent', name: '优秀原创诗歌', kind: 'count', value: 20 }],
  },
  {
    key: 'red-song',
    name: '“唱支红歌给党听”红歌视频',
    description:
      '翻唱红歌或朗诵经典红色诗篇，可用民族语言、地方方言，可着民族服装，结合舞蹈、表演录制，独唱合唱均可。',
    kind: 'video',
    requirements: {
      allowedFileKinds: ['mp4'],
      maxFileBytes: TWO_GIB,
      maxDurationSeconds: 180,
      requiresText: true,
      notes: '视频须自配背景音乐和字幕，mp4 格式，2 GB 以内，不超过 3 分钟，画质清晰、无背景噪音。',
    },
    tiers: [{ key: 'excellent', name: '优秀红歌视频', kind: 'count', value: 30 }],
  },
  {
    key: 'party-story',
    name: '“学党史 讲故事”短视频',
    description:
      '以党的重大事件为线索，讲述不同时期的典型事例、历史人物和精彩故事，推动党史学习教育深入基层。',
    kind: 'video',
    requirements: {
      allowedFileKinds: ['mp4'],
      maxFileBytes: TWO_GIB,
      maxDurationSeconds: 180,
      requiresText: true,
      notes:
        '视频须自配背景音乐和字幕，mp4 格式，2 GB 以内，不超过 3 分钟，画质清晰、表达清楚、无明显背景噪音。',
    },
    tiers: [{ key: 'excellent', name: '优秀讲故事视频', kind: 'count', value: 30 }],
  },
]

/**
 * Seed 004 ranks by the experts alone (专家评审, then 讨论确定名单), publishes
 * the list (公示名单), and revokes an entry found to cheat (撤销其入选资格)
 * without naming a replacement: its place stays empty.
 */
export const yigongtiResults: ResultsSettingsDef = {
  expertShare: 100,
  voteScale: 'max',
  tieRule: 'expert',
  promoteNext: false,
  publicityDays: 7,
}

export const yigongtiJiandang2021: CampaignDef = {
  slug: 'yigongti-2021',
  series: 'yigongti',
  title: '县域医共体向建党100周年献礼系列征集活动',
  year: 2021,
  summary:
    '中国医院协会医共体分会等发起的系列征集，包括党建价值案例、原创诗歌、红歌视频和“学党史 讲故事”短视频，优秀作品在首届中国县域医共体大会上展示。',
  description: [
    '2021 年是中国共产党成立 100 周年，也是“十四五”开局之年。这一年的中央 1 号文件和“十四五”规划都对加强紧密型县域医共体建设、加快分级诊疗体系建设提出了要求，医共体建设进入深入推进的关键阶段。',
    '作为全国性的医共体学术组织，中国医院协会医共体分会联合国家人口与健康科学数据中心地方服务中心、健康县域融媒和中国县域医共体网发起本次系列征集，希望激励全国医共体建设者不忘初心、砥砺前行，为健康乡村和健康中国建设凝聚精神力量。',
    '征集包含四个系列：医共体党建价值案例、医共体建设原创诗歌、“唱支红歌给党听”红歌视频和“学党史 讲故事”短视频。县市政府和卫健部门、县域医共体及其成员单位、参与帮扶的专家和单位，以及助力县域医共体能力提升的企事业单位和个人均可参加。',
    '候选作品将在“中国医共体”“健康县域”公众号和中国县域医共体网开设专栏展示。案例由医共体和信息化专家评审，诗歌和视频由分会组委会评选，名单公示后发布结果：计划从约 100 个案例中评出 50 个优秀价值案例，另评出讲故事视频 30 个、红歌视频 30 个、原创诗歌 20 首。',
    '2021 年 5 月 14 日至 16 日在深圳举行的首届中国县域医共体大会上，将为入选案例颁发证书，优秀作品在全国县域医共体建设优秀成果展上展示、展演；优秀案例还有机会收入案例集出版，并在“医共体学苑”进行直播分享。',
  ],
  sourceNotice: '004',
  results: yigongtiResults,
  organizers: yigongtiOrganizers,
  contacts: yigongtiContacts,
  legalTerms: yigongtiLegalTerms,
  phases: [
    {
      kind: 'submission',
      label: '作品征集（邮箱收稿）',
      startsAt: at('2021-03-28'),
      endsAt: endOfDay('2021-04-30'),
    },
    {
      kind: 'display',
      label: '公众号与中国县域医共体网专栏展示',
      startsAt: at('2021-04-06'),
      endsAt: endOfDay('2021-05-16'),
    },
    {
      kind: 'review',
      label: '专家评审',
      startsAt: at('2021-05-01'),
      endsAt: endOfDay('2021-05-07'),
    },
    {
      kind: 'publicity',
      label: '入选名单公示',
      startsAt: at('2021-05-08'),
      endsAt: endOfDay('2021-05-12'),
    },
    {
      kind: 'results',
      label: '中国县域医共体大会颁证与成果展（深圳）',
      startsAt: at('2021-05-14'),
      endsAt: endOfDay('2021-05-16'),
    },
  ],
  tracks: yigongtiTracks,
  themes: [],
}
