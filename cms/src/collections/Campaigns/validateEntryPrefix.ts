import type { TextFieldSingleValidation } from 'payload'

import { isEntryNumberCode } from '@exemplar/domain'

/**
 * 作品编号前缀: 2–4 capital letters. Required when an account creates a
 * campaign; campaigns from before the field (and server-side imports without
 * one) number their entries with the domain's fallback code.
 */
export const validateEntryPrefix: TextFieldSingleValidation = (value, { operation, req }) => {
  if (value === null || value === undefined || value === '') {
    return operation === 'create' && req.user
      ? '请填写作品编号前缀（2–4 个大写字母） / Enter an entry number prefix (2–4 capital letters)'
      : true
  }
  return isEntryNumberCode(value)
    ? true
    : '作品编号前缀须为 2–4 个大写字母，如 YZ / The prefix must be 2–4 capital letters, e.g. YZ'
}
