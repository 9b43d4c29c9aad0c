/** Lookup of the strings of the submission form and "my entries". */
import en from './en/submission'
import { translator, type Tables } from './index'
import zh from './zh/submission'

export type TextKey = keyof typeof zh

const messages: Tables<TextKey> = { zh, en }

export const tx = translator(messages)
