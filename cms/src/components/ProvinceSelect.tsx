'use client'
import { SelectField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

import { provinceOptions } from '../lib/provinces'

/**
 * 所在省份 is stored as its Chinese name in a text field (a GraphQL enum
 * cannot be named 北京市, so a select field broke the whole GraphQL schema);
 * editors still pick it from the list.
 */
export const ProvinceSelect: TextFieldClientComponent = ({ field, path, readOnly, schemaPath }) => (
  <SelectField
    readOnly={readOnly}
    schemaPath={schemaPath}
    path={path ?? field.name}
    field={{
      name: field.name,
      label: field.label,
      required: field.required,
      localized: field.localized,
      options: provinceOptions,
      hasMany: false,
      admin: {
        isClearable: true,
        isSortable: false,
        placeholder: undefined,
        description: field.admin?.description,
      },
    }}
  />
)
