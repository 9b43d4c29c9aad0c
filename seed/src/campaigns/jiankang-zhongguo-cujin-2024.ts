import type {
  CampaignDef,
  ContactDef,
  LegalTermDef,
  OrganizerDef,
  ThemeDef,
  TrackDef,
} from '../types'
import { at, endOfDay } from './shanghai'

/** Seed 002: 2024 健康中国促进大会暨健康中国实践典型案例征集推广. */

export const cujinOrganizers: OrganizerDef[] = [
  { role: 'host', name: '新华网' },
  { role: 'academic', name: '中国健康管理协会' },
  { role: 'organizer', name: '新华网健康事业部' },
  { role: 'organizer', name: '绿色全域(北京)文化传媒有限公司' },
]

/** Fictional contacts; the invitation names none that we would keep. */
export const cujinContacts: ContactDef[] = [
  {
    name: '孙老师',
    organization: '大会组委会（案例征集组）',
    phone: '010-5555-0301',
    email: 'cujin-cases@example.org',
  },
  {
    name: '周老师',
    organization: '大会组委会（会务组）',
    phone: '010-5555-0302',
    email: 'cujin-conference@example.org',
  },
]

/** The invitation states no terms; these are the platform's usual ones. */
export const cujinLegalTerms: LegalTermDef[] = [
  {
    key: 'originality',
    title: '真实与原创',
    text: '申报案例须来自本地区、本单位的真实实践，数据和成效可核实，文字与图片为申报单位原创或已获授权。',
  },
  {
    key: 'content',
    title: '内容规范',
    text: '案例不得包含患者身份证号、联系方式等个人隐私信息，不得夹带药品、器械或平台的商业广告。',
  },
  {
    key: 'licence',
    title: '展示与汇编授权',
    text: '申报即同意主办方在线上展示专题、大会展览专区以及《健康中国实践典型案例汇编》中无偿展示、编辑和传播所报案例，著作权仍归申报单位所有。',
  },
  {
    key: 'other',
    title: '规则解释',
    text: '本次征集的具体安排以组委会发布的通知为准，组委会负责解释。',
  },
]

export const cujinTracks: TrackDef[] = [
  {
    key: 'case',
    name: '健康中国实践典型案例',
    description:
      '各地各单位在卫生健康事业、公立医院和卫生健康产业高质量发展中的典型做法、创新模式与实践成果，以图文形式申报。',
    kind: 'text-image',
    requirements: {
      bodyMaxChars: 5000,
      maxImages: 9,
      notes:
        '原启事未规定篇幅和配图数量，平台按正文不超过 5000 字、配图不超过 9 张设置。建议写明背景、主要做法、成效与可推广经验。',
    },
    // The notice names no number of awards: the demo's stated rule is at most 30 % of the track.
    tiers: [{ key: 'excellent', name: '健康中国实践典型案例', kind: 'share', value: 30 }],
  },
]

export const cujinThemes: ThemeDef[] = [
  {
    code: 'a',
    title: '卫生健康事业高质量发展',
    children: [
      {
        code: 'a1',
        title: '健康城镇建设',
        description:
          '健康城市、县区、社区、村镇，以及健康单位、企业、学校、家庭和各类健康促进场所建设的样板经验。',
      },
      {
        code: 'a2',
        title: '优化健康服务',
        description:
          '从“以治病为中心”转向“以人民健康为中心”，在公共卫生、优质医疗、中医药传承创新、重点人群服务和健康扶贫方面的做法。',
      },
      {
        code: 'a3',
        title: '完善健康保障',
        description:
          '医保、医疗、医药协同发展与治理，商业健康保险发展，多层次医疗保障和药品供应保障体系建设。',
      },
      {
        code: 'a4',
        title: '健康信息化建设',
        description:
          '健康中国与数字中国战略融合，新一代信息技术在医药卫生中的应用和“互联网+医疗健康”便民服务。',
      },
    ],
  },
  {
    code: 'b',
    title: '公立医院高质量发展',
    children: [
      {
        code: 'b1',
        title: '创新能力建设',
        description:
          '提升临床科研能力、加强专科建设、推动医学技术和服务模式创新、提高医院管理与质量水平。',
      },
      {
        code: 'b2',
        title: '创新医疗服务',
        description:
          '整合资源、优化流程、创新就医模式，建设便利、安全、可及、信息共享的一体化服务体系和“医护患共同体”。',
      },
      {
        code: 'b3',
        title: '提升医疗质量',
        description:
          '夯实基础医疗质量安全，管住关键环节和诊疗行为，健全质量安全管理体系，提升群众对医疗质量的满意度。',
      },
      {
        code: 'b4',
        title: '智慧医院建设',
        description: '电子病历、智慧服务、智慧管理“三位一体”的智慧医院和医院信息标准化建设。',
      },
      {
        code: 'b5',
        title: '平安医院建设',
        description: '完善医院安全防范、维护医疗秩序、预防化解医疗纠纷、构建和谐医患关系的成效。',
      },
    ],
  },
  {
    code: 'c',
    title: '卫生健康产业高质量发展',
    children: [
      {
        code: 'c1',
        title: '医药产业创新发展',
        description:
          '创新药、专利药、优质中药、创新医疗器械、高端医疗装备和新型健康产品等领域的创新与转型升级。',
      },
      {
        code: 'c2',
        title: '康养产业融合发展',
        description:
          '健康与食品、养老、文旅、互联网、保险等产业融合，发展健康医疗旅游、中医药健康旅游和体育医疗康复等业态。',
      },
      {
        code: 'c3',
        title: '健康休闲产业发展',
        description:
          '培育冰雪、山地、水上、航空、马术等时尚休闲运动，打造有地方特色的健身休闲示范区和产业带。',
      },
      {
        code: 'c4',
        title: '社会办医多元发展',
        description:
          '社会力量在健康管理、康复理疗、健康护理、检测咨询、精神卫生和健康干预等服务方面的实践。',
      },
    ],
  },
]

export const jiankangZhongguoCujin2024: CampaignDef = {
  slug: 'jiankang-zhongguo-cujin-2024',
  series: 'jiankang-zhongguo-cujin',
  title: '2024健康中国促进大会暨健康中国实践典型案例征集推广',
  year: 2024,
  summary:
    '新华网主办、中国健康管理协会学术支持，面向全国征集卫生健康事业、公立医院和卫生健康产业高质量发展的典型案例，并在健康中国促进大会上点赞发布。',
  description: [
    '为落实党的二十大关于完善人民健康促进政策、深入开展健康中国行动的部署，新华网联合中国健康管理协会启动“2024 健康中国促进大会”，以征集“2024 健康中国实践典型案例”为抓手，在全国范围内发掘各地各单位推进健康中国建设的鲜活经验。',
    '案例征集围绕三个方向展开：卫生健康事业高质量发展、公立医院高质量发展、卫生健康产业高质量发展，下设健康城镇、智慧医院、康养融合、社会办医等 13 个细分主题。各级卫生健康部门、医疗卫生机构、医药健康企业和相关机构均可结合自身工作成效申报。',
    '入选案例将在新华网线上展示专题和大会现场展览专区集中展示，并汇编成《健康中国实践典型案例汇编（2024）》。大会期间举行典型案例点赞发布仪式，邀请案例代表分享经验、演示成果；大会还设有开幕式、主题论坛、“政产学研用”闭门会等环节，预计约 300 位来自政府部门、医疗机构、学界、企业和媒体的代表出席。',
    '原邀请函没有公布征集和大会的具体日期，本平台上的时间安排为演示而设定，仅供参考。',
  ],
  sourceNotice: '002',
  organizers: cujinOrganizers,
  contacts: cujinContacts,
  legalTerms: cujinLegalTerms,
  phases: [
    {
      kind: 'submission',
      label: '案例征集与申报',
      startsAt: at('2024-05-20'),
      endsAt: endOfDay('2024-08-31'),
    },
    {
      kind: 'screening',
      label: '形式审核',
      startsAt: at('2024-06-01'),
      endsAt: endOfDay('2024-09-10'),
    },
    {
      kind: 'display',
      label: '新华网线上展示专题',
      startsAt: at('2024-07-01'),
      endsAt: endOfDay('2024-12-31'),
    },
    {
      kind: 'review',
      label: '专家评审',
      startsAt: at('2024-09-11'),
      endsAt: endOfDay('2024-10-20'),
    },
    {
      kind: 'publicity',
      label: '入选名单公示',
      startsAt: at('2024-10-25'),
      endsAt: endOfDay('2024-10-31'),
    },
    {
      kind: 'results',
      label: '大会现场点赞发布与案例汇编发布',
      startsAt: at('2024-11-15', '09:00'),
      endsAt: endOfDay('2024-12-31'),
    },
  ],
  tracks: cujinTracks,
  themes: cujinThemes,
}
