import type {
  CampaignDef,
  ContactDef,
  LegalTermDef,
  OrganizerDef,
  ThemeDef,
  TrackDef,
  VotingRuleDef,
} from '../types'
import { at, endOfDay } from './shanghai'

/** Seed 001: 最美“逆行者”医疗卫生行业摄影图片、科普作品宣传推广系列公益活动 (2020). */

export const nixingzheOrganizers: OrganizerDef[] = [
  { role: 'guide', name: '中国健康教育中心' },
  { role: 'guide', name: '中国期刊协会' },
  { role: 'host', name: '中国期刊协会医药卫生期刊分会' },
  { role: 'host', name: '中国高校科技期刊研究会医学期刊专委会' },
  { role: 'host', name: '中国卫生科教音像出版社' },
  { role: 'supporter', name: '北京圆心科技有限公司（妙手医生）' },
  { role: 'platform', name: '妙手医生网站、妙手医生APP' },
  { role: 'media', name: '人民网' },
  { role: 'media', name: '健康报' },
  { role: 'media', name: '医师报' },
  { role: 'media', name: '新京报' },
  { role: 'media', name: '全国医药卫生期刊相关媒体机构' },
]

/** Fictional contacts; the notice's real ones are deliberately left out. */
export const nixingzheContacts: ContactDef[] = [
  {
    name: '王老师',
    organization: '活动组委会（医药卫生期刊分会）',
    phone: '010-5555-0201',
    email: 'nixingzhe@example.org',
  },
  {
    name: '赵老师',
    organization: '活动组委会（医学期刊专委会）',
    phone: '010-5555-0202',
    email: 'nixingzhe-kepu@example.org',
  },
]

export const nixingzheLegalTerms: LegalTermDef[] = [
  {
    key: 'originality',
    title: '原创与真实',
    text: '报送作品须为原创，内容真实、科学，文字与图片的责任由报送方自负。',
  },
  {
    key: 'rights',
    title: '作者授权',
    text: '本活动为公益活动。推荐单位报送他人作品前，须事先取得作者的版权许可。',
  },
  {
    key: 'licence',
    title: '公益使用',
    text: '作品版权仍归原作者所有。报送即表示自愿无偿将作品提供给本次公益活动，用于活动的展示、宣传与推广，不得用于任何商业宣传。',
  },
  {
    key: 'content',
    title: '内容要求',
    text: '照片须反映真实场景，科普作品须保证科学性，内容清晰可读、图片不变形。',
  },
]

export const nixingzheTracks: TrackDef[] = [
  {
    key: 'photo',
    name: '最美抗疫瞬间（摄影图片）',
    description:
      '用镜头记录奋战在抗疫一线的医务人员、基层医疗卫生人员、公共卫生人员和科研工作者，定格最动人、最有力量的瞬间。',
    kind: 'photo',
    requirements: {
      minFileBytes: 2 * 1024 * 1024,
      captionMaxChars: 150,
      captionMustMention: ['时间', '地点', '人物', '事件'],
      allowedFileKinds: ['image'],
      notes: '每张照片不小于 2 MB，并附不超过 150 字的说明，交代时间、地点、人物、事件四要素。',
    },
    tiers: [{ key: 'excellent', name: '优秀作品', kind: 'share', value: 20 }],
  },
  {
    key: 'print',
    name: '医学科普作品（平面材料）',
    description:
      '疫情期间各地制作的新冠肺炎防治科普材料，如海报、折页、手册、读本、一图读懂等平面传播作品。',
    kind: 'print',
    requirements: {
      allowedFileKinds: ['pdf'],
      notes: '以 PDF 格式报送，要求文字清晰可读、图片不变形、色彩还原准确。',
    },
    tiers: [{ key: 'excellent', name: '优秀作品', kind: 'share', value: 20 }],
  },
]

export const nixingzheThemes: ThemeDef[] = [
  {
    code: 'moment',
    title: '最美抗疫瞬间',
    description: '一线医护人员、基层与公共卫生人员、科研工作者抗击疫情的感人画面。',
  },
  {
    code: 'kepu',
    title: '医学科普作品',
    description: '新冠肺炎防治知识、自我防护技能与防控政策的科普宣传材料。',
  },
]

export const nixingzheVoting: VotingRuleDef = { perEntryPerDay: 1, dailyCap: 20 }

export const nixingzhe2020: CampaignDef = {
  slug: 'nixingzhe-2020',
  series: 'nixingzhe',
  title: '最美“逆行者”医疗卫生行业摄影图片与科普作品征集',
  year: 2020,
  summary:
    '征集记录抗疫一线“逆行者”的摄影图片和新冠肺炎防治科普作品，经公众点赞与专家审核评出优秀作品，在全国医药卫生期刊及合作媒体平台集中推广。',
  description: [
    '2020 年初新冠肺炎疫情暴发后，大批医务人员、基层医疗卫生人员、公共卫生人员和科研工作者奔赴一线，成为人们口中最美的“逆行者”。为记录他们的身影、传播科学防疫知识，中国期刊协会医药卫生期刊分会、中国高校科技期刊研究会医学期刊专委会和中国卫生科教音像出版社在中国健康教育中心、中国期刊协会指导下，联合发起这一系列公益活动。',
    '征集分两类：一是“最美抗疫瞬间”摄影图片，每张照片不小于 2 MB，配 150 字以内的说明，写明时间、地点、人物和事件；二是医学科普作品，海报、折页、手册、读本、一图读懂等平面材料统一以 PDF 报送。作品须为原创，推荐他人作品须先取得作者授权。',
    '支持单位妙手医生搭建报名页面、作品上传与点赞平台。全国自愿参与的医药卫生期刊和合作媒体先提交回执表，在各自的网站、公众号和期刊版面同步发布征集信息；报送作品的单位或个人在线填写作品登记表并上传作品。',
    '初审通过的作品陆续上线展示、接受公众点赞。专家组结合点赞排行进行审核，评出的优秀作品原则上不超过报送总量的 20%，并在所有参与媒体的网络与纸质平台上滚动推广一个月。积极参与的期刊和媒体将获得主办单位颁发的公益活动证书。',
    '征集之后，活动还将开展一线医护人员疫后心理关爱、“科普大咖”线上课程和基层健康帮扶等工作，全年活动于 12 月结束。',
  ],
  sourceNotice: '001',
  organizers: nixingzheOrganizers,
  contacts: nixingzheContacts,
  legalTerms: nixingzheLegalTerms,
  phases: [
    {
      kind: 'registration',
      label: '合作媒体提交回执表',
      startsAt: at('2020-04-20'),
      endsAt: endOfDay('2020-05-10'),
    },
    {
      kind: 'submission',
      label: '作品登记与报送',
      startsAt: at('2020-04-20'),
      endsAt: endOfDay('2020-05-31'),
    },
    {
      kind: 'screening',
      label: '作品初审',
      startsAt: at('2020-04-27'),
      endsAt: endOfDay('2020-06-10'),
    },
    {
      kind: 'display',
      label: '作品上线展示',
      startsAt: at('2020-05-01'),
      endsAt: endOfDay('2020-07-31'),
    },
    {
      kind: 'voting',
      label: '公众点赞排行',
      startsAt: at('2020-05-01'),
      endsAt: endOfDay('2020-06-30'),
    },
    {
      kind: 'review',
      label: '专家审核',
      startsAt: at('2020-06-01'),
      endsAt: endOfDay('2020-07-15'),
    },
    {
      kind: 'training',
      label: '医护心理关爱与“科普大咖”基层帮扶',
      startsAt: at('2020-07-01'),
      endsAt: endOfDay('2020-11-30'),
    },
    {
      kind: 'results',
      label: '优秀作品发布与一个月集中推广',
      startsAt: at('2020-07-16'),
      endsAt: endOfDay('2020-08-15'),
    },
    {
      kind: 'summary',
      label: '作品汇总、整理与存档',
      startsAt: at('2020-08-01'),
      endsAt: endOfDay('2020-11-30'),
    },
    {
      kind: 'summary',
      label: '全部活动结束',
      startsAt: at('2020-12-01'),
      endsAt: endOfDay('2020-12-31'),
    },
  ],
  tracks: nixingzheTracks,
  themes: nixingzheThemes,
  voting: nixingzheVoting,
}
