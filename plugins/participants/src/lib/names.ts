/**
 * The form a registered name is compared in. Institutions type their name by
 * hand while the licence is copied from a scan or an ID system, so the same
 * name arrives with full-width brackets （） or half-width (), ideographic or
 * doubled spaces. NFKC folds full-width forms (（ → (, Ａ → A, U+3000 → space);
 * spaces around CJK text and brackets carry no meaning in a Chinese name and
 * are dropped; other runs of space become one; Latin letters compare
 * case-insensitively.
 */
export function normalizeInstitutionName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/ ?([^\p{Script=Latin}\p{N} ]) ?/gu, '$1')
    .toLowerCase()
}

/** Whether the name an institution registers is its business-licence name. */
export function namesMatch(registered: string, licence: string): boolean {
  const a = normalizeInstitutionName(registered)
  return a.length > 0 && a === normalizeInstitutionName(licence)
}

/** The refusal when an institution's name is not its licence name; server and form show it as is. */
export function licenceMismatchMessage(name: unknown, licenceName: unknown): string {
  return `机构名称与营业执照名称不一致：机构名称「${String(name ?? '')}」，营业执照名称「${String(
    licenceName ?? '',
  )}」。请按营业执照填写（全角/半角括号与空格不计）`
}
