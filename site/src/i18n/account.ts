/** Lookup of the strings of sign-in, registration, the account page and the pledge. */
import en from './en/account'
import { translator, type Tables } from './index'
import zh from './zh/account'

export type AccountKey = keyof typeof zh

const messages: Tables<AccountKey> = { zh, en }

export const ta = translator(messages)
