import type { CampaignDef } from '../types'
import { jiankangZhongguoCujin2024 } from './jiankang-zhongguo-cujin-2024'
import { jiankangZhongguoCujinCurrent } from './jiankang-zhongguo-cujin-current'
import { jicengKepuShipin2024 } from './jiceng-kepu-shipin-2024'
import { nixingzhe2020 } from './nixingzhe-2020'
import { nixingzheCurrent } from './nixingzhe-current'
import { nixingzheJicengCurrent } from './nixingzhe-jiceng-current'
import { yigongtiCurrent } from './yigongti-current'
import { yigongtiJiandang2021 } from './yigongti-jiandang-2021'
import { yizheXianxing2022 } from './yizhe-xianxing-2022'
import { yizheXianxingCurrent } from './yizhe-xianxing-current'

export { at, endOfDay, shift } from './shanghai'

/** The five real, past editions recreated from the source notices. */
export const archiveCampaigns: CampaignDef[] = [
  yizheXianxing2022,
  nixingzhe2020,
  jiankangZhongguoCujin2024,
  jicengKepuShipin2024,
  yigongtiJiandang2021,
]

/** Current editions, their phases placed around `now` (Asia/Shanghai days). */
export function currentCampaigns(now: Date): CampaignDef[] {
  return [
    yizheXianxingCurrent(now),
    nixingzheCurrent(now),
    nixingzheJicengCurrent(now),
    yigongtiCurrent(now),
    jiankangZhongguoCujinCurrent(now),
  ]
}
