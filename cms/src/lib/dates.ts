import type { DateField } from 'payload'

import { BEIJING_ZH_DATE_PATTERN, CAMPAIGN_TIME_ZONE } from '@exemplar/domain'

/** The admin's one time zone: the platform decides in Beijing time, whatever the browser's zone. */
export const adminTimezones = {
  supportedTimezones: [{ label: '北京时间 Asia/Shanghai', value: CAMPAIGN_TIME_ZONE }],
  defaultTimezone: CAMPAIGN_TIME_ZONE,
}

/**
 * A date field the admin shows and edits as a Beijing clock (`2026年6月30日
 * 00:00`) in any browser. Payload keeps the zone in a `<name>_tz` sibling;
 * it is never required, since its default (the only zone offered) fills it
 * on every write and on reading a document stored before it existed.
 */
export function beijingDate(
  field: Pick<DateField, 'name' | 'label' | 'required' | 'index' | 'validate'> & {
    admin?: Omit<NonNullable<DateField['admin']>, 'date'>
  },
): DateField {
  return {
    ...field,
    type: 'date',
    timezone: { override: ({ baseField }) => ({ ...baseField, required: false }) },
    admin: {
      ...field.admin,
      date: {
        pickerAppearance: 'dayAndTime',
        displayFormat: BEIJING_ZH_DATE_PATTERN,
        timeFormat: 'HH:mm',
      },
    },
  }
}
