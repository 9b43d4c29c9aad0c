/** Lookup of the gallery's strings. */
import en from './en/gallery'
import { translator, type Tables } from './index'
import zh from './zh/gallery'

export type GalleryKey = keyof typeof zh

const messages: Tables<GalleryKey> = { zh, en }

export const tg = translator(messages)
