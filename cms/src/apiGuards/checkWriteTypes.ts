import type { CollectionBeforeOperationHook } from 'payload'
import { APIError, ValidationError } from 'payload'

import { checkFieldTypes } from './fieldTypes'

/**
 * A REST or GraphQL write takes a JSON object whose values have their
 * fields' types; anything else is a 400 naming the field, before any hook,
 * rule or validation reads it.
 */
export const checkWriteTypes: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if ((operation !== 'create' && operation !== 'update') || req.payloadAPI === 'local') {
    return args
  }
  const data = (args as { data?: unknown }).data
  if (data === undefined) {
    return args
  }
  // Upload collections spread the body into an object before this hook; the body as sent tells.
  const sent = req.payloadAPI === 'REST' ? (req.data as unknown) : data
  const notObject = (v: unknown) => typeof v !== 'object' || v === null || Array.isArray(v)
  if (notObject(data) || (sent !== undefined && notObject(sent))) {
    const message = '请求体须为 JSON 对象（字段名: 值）'
    throw new APIError(message, 400, { errors: [{ field: '', message }] }, true)
  }
  const checked = checkFieldTypes(collection.fields, data as Record<string, unknown>)
  if (checked.problems.length > 0) {
    throw new ValidationError({ collection: collection.slug, errors: checked.problems }, req.t)
  }
  return { ...args, data: checked.data }
}
