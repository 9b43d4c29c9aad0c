import { isProvince, PROVINCE_RULE, PROVINCES } from '@exemplar/domain'

export const provinceOptions = PROVINCES.map((p) => ({ label: p, value: p }))

/**
 * 所在省份 as a field: text holding one of the names, checked on every write
 * and picked from the list in the admin (ProvinceSelect). Not a select: a
 * GraphQL enum value cannot be named 北京市.
 */
export function provinceField(label: { zh: string; en: string }) {
  return {
    name: 'province',
    label,
    type: 'text' as const,
    index: true,
    validate: (value: unknown) =>
      value === null || value === undefined || value === '' || isProvince(value)
        ? true
        : `${PROVINCE_RULE} / Choose a province from the list`,
    admin: { components: { Field: '/components/ProvinceSelect#ProvinceSelect' } },
  }
}
