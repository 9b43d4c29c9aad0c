/** Lookup of the strings of the site-wide pages (header, footer, campaigns, entries, news, errors). */
import en from './en/common'
import { translator, type Tables } from './index'
import zh from './zh/common'

export type MessageKey = keyof typeof zh

/** Exported so a test can take an English string away and see the fallback. */
export const messages: Tables<MessageKey> = { zh, en }

export const t = translator(messages)
