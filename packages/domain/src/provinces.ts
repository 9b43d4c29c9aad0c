import type { Label } from './label'

/** Provincial-level divisions, for 所在地 and the by-province leaderboard. */
export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
  '台湾省',
] as const

export type Province = (typeof PROVINCES)[number]

/** Each province's name in both languages; the Chinese name is the stored value. */
export const PROVINCE_LABELS: Record<Province, Label> = {
  北京市: { zh: '北京市', en: 'Beijing' },
  天津市: { zh: '天津市', en: 'Tianjin' },
  河北省: { zh: '河北省', en: 'Hebei' },
  山西省: { zh: '山西省', en: 'Shanxi' },
  内蒙古自治区: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  辽宁省: { zh: '辽宁省', en: 'Liaoning' },
  吉林省: { zh: '吉林省', en: 'Jilin' },
  黑龙江省: { zh: '黑龙江省', en: 'Heilongjiang' },
  上海市: { zh: '上海市', en: 'Shanghai' },
  江苏省: { zh: '江苏省', en: 'Jiangsu' },
  浙江省: { zh: '浙江省', en: 'Zhejiang' },
  安徽省: { zh: '安徽省', en: 'Anhui' },
  福建省: { zh: '福建省', en: 'Fujian' },
  江西省: { zh: '江西省', en: 'Jiangxi' },
  山东省: { zh: '山东省', en: 'Shandong' },
  河南省: { zh: '河南省', en: 'Henan' },
  湖北省: { zh: '湖北省', en: 'Hubei' },
  湖南省: { zh: '湖南省', en: 'Hunan' },
  广东省: { zh: '广东省', en: 'Guangdong' },
  广西壮族自治区: { zh: '广西壮族自治区', en: 'Guangxi' },
  海南省: { zh: '海南省', en: 'Hainan' },
  重庆市: { zh: '重庆市', en: 'Chongqing' },
  四川省: { zh: '四川省', en: 'Sichuan' },
  贵州省: { zh: '贵州省', en: 'Guizhou' },
  云南省: { zh: '云南省', en: 'Yunnan' },
  西藏自治区: { zh: '西藏自治区', en: 'Tibet' },
  陕西省: { zh: '陕西省', en: 'Shaanxi' },
  甘肃省: { zh: '甘肃省', en: 'Gansu' },
  青海省: { zh: '青海省', en: 'Qinghai' },
  宁夏回族自治区: { zh: '宁夏回族自治区', en: 'Ningxia' },
  新疆维吾尔自治区: { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  香港特别行政区: { zh: '香港特别行政区', en: 'Hong Kong' },
  澳门特别行政区: { zh: '澳门特别行政区', en: 'Macao' },
  台湾省: { zh: '台湾省', en: 'Taiwan' },
}

const KNOWN: ReadonlySet<string> = new Set(PROVINCES)

export function isProvince(value: unknown): value is Province {
  return typeof value === 'string' && KNOWN.has(value)
}

/** What a person is told when a value is not one of the names. */
export const PROVINCE_RULE = '所在省份须为省级行政区全称，如“广东省”'
