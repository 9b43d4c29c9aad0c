import type { CollectionConfig, Config, Field, Plugin } from 'payload'

const JSON_TEXT = '/components/JsonText#JsonText'

function withJsonText(field: Field): Field {
  if (field.type === 'json') {
    return {
      ...field,
      admin: { ...field.admin, components: { ...field.admin?.components, Field: JSON_TEXT } },
    }
  }
  if ('fields' in field && Array.isArray(field.fields)) {
    return { ...field, fields: field.fields.map(withJsonText) } as Field
  }
  if (field.type === 'tabs') {
    return {
      ...field,
      tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withJsonText) })),
    }
  }
  return field
}

/** Every JSON field of every collection is shown as text in the admin (JsonText says why). */
export const jsonAsTextPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection): CollectionConfig => ({
      ...collection,
      fields: collection.fields.map(withJsonText),
    })),
  })
