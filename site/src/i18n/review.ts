/** Lookup of the strings of the reviewer's workspace (/review). */
import en from './en/review'
import { translator, type Tables } from './index'
import zh from './zh/review'

export type ReviewKey = keyof typeof zh

const messages: Tables<ReviewKey> = { zh, en }

export const tr = translator(messages)
