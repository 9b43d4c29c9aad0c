import type { Label } from '@exemplar/domain'

import type { ScreeningFlagKind } from './index'

/** What a screening flag found, in the editors' words: the field's options and its row labels. */
export const SCREENING_FLAG_LABELS: Record<ScreeningFlagKind, Label> = {
  'id-number': { zh: '身份证号', en: 'ID number' },
  phone: { zh: '电话号码', en: 'Phone number' },
  promotion: { zh: '宣传用语', en: 'Promotion' },
}

/** One row of the flags list, named so when it has no kind yet (筛查提示 1). */
export const SCREENING_FLAG_ROW: Label = { zh: '筛查提示', en: 'Screening flag' }
