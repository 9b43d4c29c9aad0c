/**
 * The site's UI strings, Chinese first: one folder per locale (zh/, en/), one
 * file per area, and one lookup module per area (common, voting, submission,
 * account, review) so a browser script bundles only the strings of its own area.
 * English pages live under /en (see middleware.ts); campaign content itself
 * is not translated, and domain labels come from @exemplar/domain.
 */
export type Locale = 'zh' | 'en'

export const LOCALES: readonly Locale[] = ['zh', 'en']
export const DEFAULT_LOCALE: Locale = 'zh'

/** An English table for a Chinese one: the same keys, each one required. */
export type Strings<T> = { [K in keyof T]: string }

export type Params = Record<string, string | number>

/** The tables of one area; a key missing at run time falls back to Chinese, never to the raw key. */
export type Tables<K extends string> = { zh: Record<K, string> } & Record<
  Locale,
  Partial<Record<K, string>>
>

export type Translate<K extends string> = (locale: Locale, key: K, params?: Params) => string

export function translator<K extends string>(tables: Tables<K>): Translate<K> {
  return (locale, key, params = {}) => interpolate(tables[locale][key] ?? tables.zh[key], params)
}

/** `{name}` placeholders filled from `params`; unknown ones are left as written. */
export function interpolate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh' || value === 'en'
}

/** A site path in the given locale: English pages carry the /en prefix. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`
  if (locale === 'zh') {
    return clean
  }
  return clean === '/' ? '/en' : `/en${clean}`
}

/** The locale of a page from its <html lang>, for client scripts. */
export function localeFromLang(lang: string | null | undefined): Locale {
  return (lang ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh'
}

/** The value of <html lang>. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en'
}

/** The English site is the same routes under /en; the rest of the path picks the page. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/en' || pathname.startsWith('/en/')) {
    return { locale: 'en', path: pathname.slice(3) || '/' }
  }
  return { locale: 'zh', path: pathname }
}

/** The same page in the other language, for the header's switch. */
export function alternatePath(pathname: string): string {
  const { locale, path } = splitLocale(pathname)
  return localePath(locale === 'zh' ? 'en' : 'zh', path)
}
