import type { Organization, User } from '@exemplar/cms/payload-types'

/** Demo accounts, one per role (six reviewers, so every entry can get three). Printed by the seed; never use these outside a demo. */
export const DEMO_USERS: { email: string; password: string; name: string; role: User['role'] }[] = [
  { email: 'admin@example.org', password: 'exemplar-admin', name: '系统管理员', role: 'admin' },
  {
    email: 'editor@example.org',
    password: 'exemplar-editor',
    name: '组委会编辑 周明',
    role: 'editor',
  },
  {
    email: 'reviewer@example.org',
    password: 'exemplar-reviewer',
    name: '评审专家 陈静',
    role: 'reviewer',
  },
  {
    email: 'reviewer2@example.org',
    password: 'exemplar-reviewer',
    name: '评审专家 何立',
    role: 'reviewer',
  },
  ...(
    [
      ['reviewer3@example.org', '评审专家 林海涛'],
      ['reviewer4@example.org', '评审专家 孙悦'],
      ['reviewer5@example.org', '评审专家 梁慧敏'],
      ['reviewer6@example.org', '评审专家 曹文斌'],
    ] as const
  ).map(([email, name]) => ({
    email,
    password: 'exemplar-reviewer',
    name,
    role: 'reviewer' as const,
  })),
  {
    email: 'participant@example.org',
    password: 'exemplar-participant',
    name: '青禾县人民医院 宣传科',
    role: 'participant',
  },
  {
    email: 'partner@example.org',
    password: 'exemplar-partner',
    name: '云溪健康导报 编辑部',
    role: 'partner',
  },
]

export interface InstitutionDef {
  name: string
  type: Organization['type']
  province: NonNullable<Organization['province']>
  city: string
  verification: Organization['verification']
  campuses?: string[]
  wechat?: string
}

/**
 * Fictional institutions across provinces. Place names are invented (青禾,
 * 云溪, 松岭 …) so no real hospital is credited with a made-up case.
 */
export const INSTITUTIONS: InstitutionDef[] = [
  {
    name: '青禾县人民医院',
    type: 'medical',
    province: '四川省',
    city: '青禾县',
    verification: 'verified',
    campuses: ['本部院区', '东城院区'],
    wechat: '青禾县人民医院',
  },
  {
    name: '云溪市第一人民医院',
    type: 'medical',
    province: '浙江省',
    city: '云溪市',
    verification: 'verified',
    campuses: ['北院区', '南院区'],
    wechat: '云溪一院',
  },
  {
    name: '松岭市中心医院',
    type: 'medical',
    province: '吉林省',
    city: '松岭市',
    verification: 'verified',
    wechat: '松岭中心医院',
  },
  {
    name: '白鹭湾区妇幼保健院',
    type: 'medical',
    province: '福建省',
    city: '白鹭湾区',
    verification: 'verified',
  },
  {
    name: '石桥县中医医院',
    type: 'medical',
    province: '河南省',
    city: '石桥县',
    verification: 'verified',
  },
  {
    name: '临枫市疾病预防控制中心',
    type: 'public-health',
    province: '湖南省',
    city: '临枫市',
    verification: 'verified',
  },
  {
    name: '北沙市第二人民医院',
    type: 'medical',
    province: '内蒙古自治区',
    city: '北沙市',
    verification: 'verified',
  },
  {
    name: '海棠湾市人民医院',
    type: 'medical',
    province: '海南省',
    city: '海棠湾市',
    verification: 'verified',
    wechat: '海棠湾市人民医院',
  },
  {
    name: '金川县医共体总医院',
    type: 'medical',
    province: '浙江省',
    city: '金川县',
    verification: 'verified',
  },
  {
    name: '南屏县医疗集团',
    type: 'medical',
    province: '福建省',
    city: '南屏县',
    verification: 'verified',
  },
  {
    name: '柳岸市卫生健康委员会',
    type: 'government',
    province: '广西壮族自治区',
    city: '柳岸市',
    verification: 'verified',
  },
  {
    name: '望江市精神卫生中心',
    type: 'medical',
    province: '安徽省',
    city: '望江市',
    verification: 'verified',
  },
  {
    name: '雪峰县人民医院',
    type: 'medical',
    province: '西藏自治区',
    city: '雪峰县',
    verification: 'verified',
  },
  {
    name: '东岭市肿瘤医院',
    type: 'medical',
    province: '山东省',
    city: '东岭市',
    verification: 'verified',
  },
  {
    name: '河湾区社区卫生服务中心',
    type: 'medical',
    province: '天津市',
    city: '河湾区',
    verification: 'verified',
  },
  {
    name: '丰源市心血管病医院',
    type: 'medical',
    province: '河北省',
    city: '丰源市',
    verification: 'verified',
  },
  {
    name: '长庚市儿童医院',
    type: 'medical',
    province: '江苏省',
    city: '长庚市',
    verification: 'verified',
  },
  {
    name: '玉泉县疾病预防控制中心',
    type: 'public-health',
    province: '甘肃省',
    city: '玉泉县',
    verification: 'verified',
  },
  {
    name: '星湖市第三人民医院',
    type: 'medical',
    province: '广东省',
    city: '星湖市',
    verification: 'verified',
  },
  {
    name: '翠屏区医共体',
    type: 'medical',
    province: '重庆市',
    city: '翠屏区',
    verification: 'verified',
  },
  {
    name: '黔山县人民医院',
    type: 'medical',
    province: '贵州省',
    city: '黔山县',
    verification: 'verified',
  },
  {
    name: '滇池湾市第一人民医院',
    type: 'medical',
    province: '云南省',
    city: '滇池湾市',
    verification: 'verified',
  },
  {
    name: '秦原市中心医院',
    type: 'medical',
    province: '陕西省',
    city: '秦原市',
    verification: 'verified',
  },
  {
    name: '天山南路社区卫生服务中心',
    type: 'medical',
    province: '新疆维吾尔自治区',
    city: '南疆市',
    verification: 'verified',
  },
  {
    name: '江城市卫生健康委员会',
    type: 'recommending',
    province: '湖北省',
    city: '江城市',
    verification: 'verified',
  },
  {
    name: '晋阳市第一医院',
    type: 'medical',
    province: '山西省',
    city: '晋阳市',
    verification: 'pending',
  },
  {
    name: '松江湾区人民医院',
    type: 'medical',
    province: '上海市',
    city: '松江湾区',
    verification: 'pending',
  },
  {
    name: '燕北区中医医院',
    type: 'medical',
    province: '北京市',
    city: '燕北区',
    verification: 'rejected',
  },
  {
    name: '云溪健康导报社',
    type: 'media',
    province: '浙江省',
    city: '云溪市',
    verification: 'verified',
    wechat: '云溪健康导报',
  },
  {
    name: '医学科普期刊编辑部（示例）',
    type: 'media',
    province: '北京市',
    city: '北京市',
    verification: 'verified',
    wechat: '医学科普期刊',
  },
  {
    name: '健康县域融媒（示例）',
    type: 'media',
    province: '北京市',
    city: '北京市',
    verification: 'verified',
  },
]

/** Doctors appear as entry authors; their profiles (医者名片) come with the participants plugin. */
export const DOCTORS: { name: string; title: string; department: string }[] = [
  { name: '林晓雯', title: '主任医师', department: '心血管内科' },
  { name: '王启航', title: '副主任医师', department: '内分泌科' },
  { name: '赵一帆', title: '主治医师', department: '儿科' },
  { name: '孙雅楠', title: '主任医师', department: '妇产科' },
  { name: '周海波', title: '副主任医师', department: '呼吸与危重症医学科' },
  { name: '吴静怡', title: '主治医师', department: '全科医学科' },
  { name: '郑凯', title: '主任医师', department: '肿瘤科' },
  { name: '冯晓', title: '主治医师', department: '精神心理科' },
  { name: '陈思远', title: '副主任医师', department: '疾病预防控制科' },
  { name: '杨柳青', title: '主管护师', department: '护理部' },
  { name: '何嘉欣', title: '主治医师', department: '康复医学科' },
  { name: '许文博', title: '主任医师', department: '神经内科' },
  { name: '马晓丽', title: '副主任医师', department: '营养科' },
  { name: '高远', title: '主治医师', department: '急诊科' },
  { name: '郭子涵', title: '主任药师', department: '药学部' },
  { name: '罗敏', title: '主治医师', department: '中医科' },
]
