/** Lookup of the strings of the certificate pages (one certificate, and the lookup form). */
import en from './en/certificates'
import { translator, type Tables } from './index'
import zh from './zh/certificates'

export type CertificatesKey = keyof typeof zh

const messages: Tables<CertificatesKey> = { zh, en }

export const tc = translator(messages)
