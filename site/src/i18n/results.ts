/** Lookup of the strings of the results pages and the published formula. */
import en from './en/results'
import { translator, type Tables } from './index'
import zh from './zh/results'

export type ResultsKey = keyof typeof zh

const messages: Tables<ResultsKey> = { zh, en }

export const tr = translator(messages)
