import type { Locale } from './i18n'

declare global {
  namespace App {
    interface Locals {
      /** Set by middleware.ts: 'en' under the /en prefix, otherwise 'zh'. */
      locale: Locale
    }
  }
}

export {}
