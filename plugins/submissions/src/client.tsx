'use client'
import { labelOf, type Locale } from '@exemplar/domain'
import { useRowLabel, useTranslation } from '@payloadcms/ui'

import { SCREENING_FLAG_LABELS, SCREENING_FLAG_ROW } from './screening/labels'

/**
 * A screening flag's row label: what was found and where (电话号码 · sections.1.body),
 * instead of Payload's English "Screening Flag 01". Referenced by path string
 * ('@exemplar/plugin-submissions/client#ScreeningFlagRowLabel'), never imported by the config.
 */
export function ScreeningFlagRowLabel() {
  const { data, rowNumber } = useRowLabel<{ kind?: string | null; field?: string | null }>()
  const { i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh'
  const own = [data?.kind ? labelOf(SCREENING_FLAG_LABELS, data.kind, locale) : '', data?.field]
    .filter(Boolean)
    .join(' · ')
  return <span>{own || `${SCREENING_FLAG_ROW[locale]} ${(rowNumber ?? 0) + 1}`}</span>
}
